using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Qala.Engine.Instructions.Extraction;
using Qala.Web.Infrastructure.Auth;

namespace Qala.Web.Features.Instructions;

/// <summary>The instructions API: proposals from a meeting's text now; meetings and instructions under control to follow.</summary>
public static class InstructionsEndpoints
{
    public static RouteGroupBuilder MapInstructionsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/instructions").WithTags("Instructions")
            .RequireAuthorization(policy => policy.RequireRole(QalaRoles.Controller, QalaRoles.Planner, QalaRoles.Administrator));
        group.MapPost("/extract", ExtractAsync)
            .Accepts<ExtractionRequest>("application/json", "text/plain")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("Proposes, from a meeting's text in Kazakh, Russian or English, the meeting's date, place and chair, each instruction (clause, addressee, deadline as written and as a date, the cue that fired) and each numeric fact (value × scale, unit). Nothing is saved: a controller reviews the proposals and confirms them into instructions.");
        return api;
    }

    /// <summary>The text as JSON (<c>{"text": "…", "meetingDate": "2019-10-29"}</c>) or as the plain-text body.</summary>
    public static async Task<Results<Ok<MeetingExtraction>, ProblemHttpResult>> ExtractAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ExtractionRequest? body;
        if (request.HasJsonContentType())
        {
            try
            {
                body = await request.ReadFromJsonAsync<ExtractionRequest>(cancellationToken);
            }
            catch (JsonException e)
            {
                return Problem($"The body is not the expected JSON: {e.Message}");
            }
        }
        else
        {
            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            var text = await ReadAtMostAsync(reader, InstructionExtractor.MaxLength + 1, cancellationToken);
            if (text.Length > InstructionExtractor.MaxLength)
            {
                return Problem(string.Create(CultureInfo.InvariantCulture, $"The text is longer than the {InstructionExtractor.MaxLength:N0} characters read."));
            }

            body = new ExtractionRequest(text, null);
        }

        if (body?.Text is not { } meetingText)
        {
            return Problem("The text is empty.");
        }

        try
        {
            return TypedResults.Ok(InstructionExtractor.Extract(meetingText, body.MeetingDate));
        }
        catch (MeetingTextException e)
        {
            return Problem(e.Message);
        }
    }

    private static ProblemHttpResult Problem(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "The meeting's text cannot be read.");

    private static async Task<string> ReadAtMostAsync(StreamReader reader, int limit, CancellationToken cancellationToken)
    {
        var buffer = new char[Math.Min(limit, 64 * 1024)];
        var text = new StringBuilder();
        int read;
        while (text.Length < limit && (read = await reader.ReadAsync(buffer.AsMemory(0, Math.Min(buffer.Length, limit - text.Length)), cancellationToken)) > 0)
        {
            text.Append(buffer, 0, read);
        }

        return text.ToString();
    }
}

/// <param name="Text">The meeting's report or transcript.</param>
/// <param name="MeetingDate">The meeting's date, from which relative deadlines ("until the end of the year") resolve; else the first date in the text.</param>
public sealed record ExtractionRequest(string? Text, DateOnly? MeetingDate);
