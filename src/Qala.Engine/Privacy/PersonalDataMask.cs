namespace Qala.Engine.Privacy;

/// <summary>
/// How personal data looks where it must not be read in full (exports, operational lists): enough to recognise a
/// record, not enough to contact the person.
/// </summary>
public static class PersonalDataMask
{
    /// <summary><c>aigul.nurlanova@mail.kz</c> → <c>a***@m***.kz</c>.</summary>
    public static string Email(string? email)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return string.Empty;
        }

        var at = email.LastIndexOf('@');
        if (at <= 0 || at == email.Length - 1)
        {
            return Stars(email);
        }

        var local = email[..at];
        var domain = email[(at + 1)..];
        var dot = domain.LastIndexOf('.');
        var maskedDomain = dot > 0 ? $"{domain[0]}***{domain[dot..]}" : Stars(domain);
        return $"{local[0]}***@{maskedDomain}";
    }

    /// <summary><c>+7 701 234 56 78</c> → <c>+7 *** ** 78</c>: the country code and the last two digits.</summary>
    public static string Phone(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone))
        {
            return string.Empty;
        }

        var digits = phone.Where(char.IsAsciiDigit).ToArray();
        if (digits.Length < 4)
        {
            return "***";
        }

        var country = phone.TrimStart().StartsWith('+') ? $"+{digits[0]} " : string.Empty;
        return $"{country}*** ** {digits[^2]}{digits[^1]}";
    }

    /// <summary>A person's name as initials: <c>Айгүл Нұрланова</c> → <c>А. Н.</c></summary>
    public static string Name(string? name) =>
        string.Join(' ', (name ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(part => $"{char.ToUpperInvariant(part[0])}."));

    private static string Stars(string value) => value.Length <= 1 ? "*" : $"{value[0]}***";
}
