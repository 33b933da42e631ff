using System.Text;

namespace Qala.Web.Infrastructure.Mail.Imap;

/// <summary>
/// Mailbox names on the wire are modified UTF-7 (RFC 3501 §5.1.3): printable ASCII as itself ("&amp;" as "&amp;-"),
/// anything else as UTF-16 in a base64 variant between "&amp;" and "-". "Өңделген" becomes "&amp;BOgEowQ0BDUEOwQzBDUEPQ-".
/// </summary>
public static class ImapMailboxName
{
    public static string Encode(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var result = new StringBuilder(name.Length);
        var pending = new StringBuilder();
        foreach (var c in name)
        {
            if (c is >= '\x20' and <= '\x7e')
            {
                Flush();
                result.Append(c == '&' ? "&-" : c.ToString());
            }
            else
            {
                pending.Append(c);
            }
        }

        Flush();
        return result.ToString();

        void Flush()
        {
            if (pending.Length == 0)
            {
                return;
            }

            var base64 = Convert.ToBase64String(Encoding.BigEndianUnicode.GetBytes(pending.ToString())).TrimEnd('=').Replace('/', ',');
            result.Append('&').Append(base64).Append('-');
            pending.Clear();
        }
    }

    public static string Decode(string encoded)
    {
        ArgumentNullException.ThrowIfNull(encoded);
        var result = new StringBuilder(encoded.Length);
        var i = 0;
        while (i < encoded.Length)
        {
            var amp = encoded.IndexOf('&', i);
            if (amp < 0)
            {
                result.Append(encoded, i, encoded.Length - i);
                break;
            }

            result.Append(encoded, i, amp - i);
            var dash = encoded.IndexOf('-', amp + 1);
            if (dash < 0)
            {
                result.Append(encoded, amp, encoded.Length - amp);
                break;
            }

            if (dash == amp + 1)
            {
                result.Append('&');
            }
            else
            {
                var base64 = encoded[(amp + 1)..dash].Replace(',', '/');
                base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
                try
                {
                    result.Append(Encoding.BigEndianUnicode.GetString(Convert.FromBase64String(base64)));
                }
                catch (FormatException)
                {
                    result.Append(encoded, amp, dash - amp + 1);
                }
            }

            i = dash + 1;
        }

        return result.ToString();
    }
}
