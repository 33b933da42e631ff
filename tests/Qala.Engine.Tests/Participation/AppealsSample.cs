using System.Text;
using Qala.Engine.Participation.Topics;

namespace Qala.Engine.Tests.Participation;

/// <summary>The labelled appeals of Data/appeals-sample.csv (see Data/README.md), read with a minimal RFC 4180 reader.</summary>
internal static class AppealsSample
{
    private static readonly Lazy<IReadOnlyList<LabelledText>> Rows = new(Load);

    public static IReadOnlyList<LabelledText> All => Rows.Value;

    private static IReadOnlyList<LabelledText> Load()
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Participation", "Data", "appeals-sample.csv"), Encoding.UTF8);
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                record.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                record.Add(field.ToString());
                field.Clear();
                records.Add(record);
                record = [];
            }
            else
            {
                field.Append(c);
            }
        }

        return [.. records.Skip(1).Select(r => new LabelledText(r[2], r[1]))];
    }
}
