using System.Security.Cryptography;

namespace Qala.Web.Features.Users;

/// <summary>Passwords an administrator hands over once; the user replaces them at the first sign-in.</summary>
public static class OneTimePassword
{
    // Letters and digits that cannot be confused when read aloud or copied from paper.
    private const string Alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789";

    /// <summary>20 random characters (about 115 bits), with a fixed suffix that satisfies any digit/lowercase rule.</summary>
    public static string Generate() => RandomNumberGenerator.GetString(Alphabet, 20) + "-7q";
}
