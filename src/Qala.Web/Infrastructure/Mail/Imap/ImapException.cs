namespace Qala.Web.Infrastructure.Mail.Imap;

/// <summary>Anything that went wrong talking to an IMAP server. Messages never contain credentials.</summary>
public class ImapException : Exception
{
    public ImapException(string message)
        : base(message)
    {
    }

    public ImapException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public ImapException()
    {
    }
}

/// <summary>The server answered a command with NO or BAD.</summary>
public class ImapCommandException : ImapException
{
    public ImapCommandException(string command, string status, string? responseCode, string responseText)
        : base($"IMAP {command} failed: {status} {(responseCode is null ? string.Empty : $"[{responseCode}] ")}{responseText}".TrimEnd())
    {
        Command = command;
        Status = status;
        ResponseCode = responseCode;
        ResponseText = responseText;
    }

    public ImapCommandException()
    {
    }

    public ImapCommandException(string message)
        : base(message)
    {
    }

    public ImapCommandException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The command's name (<c>SELECT</c>), never its arguments.</summary>
    public string Command { get; } = string.Empty;

    /// <summary><c>NO</c> or <c>BAD</c>.</summary>
    public string Status { get; } = string.Empty;

    /// <summary>The bracketed response code, e.g. <c>AUTHENTICATIONFAILED</c> or <c>TRYCREATE</c>.</summary>
    public string? ResponseCode { get; }

    public string ResponseText { get; } = string.Empty;
}

/// <summary>The server refused the user name or password.</summary>
public sealed class ImapAuthenticationException : ImapCommandException
{
    public ImapAuthenticationException(string command, string status, string? responseCode, string responseText)
        : base(command, status, responseCode, responseText)
    {
    }

    public ImapAuthenticationException()
    {
    }

    public ImapAuthenticationException(string message)
        : base(message)
    {
    }

    public ImapAuthenticationException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>
/// The connection failed, dropped, timed out or broke the protocol; the client is unusable afterwards and a new
/// connection must be made.
/// </summary>
public sealed class ImapConnectionException : ImapException
{
    public ImapConnectionException(string message)
        : base(message)
    {
    }

    public ImapConnectionException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public ImapConnectionException()
    {
    }
}
