using System.Security.Cryptography;

namespace Ikosa.Host.Security;

/// <summary>
/// The codes a game master hands out in place of a password: twelve characters of Crockford's base 32 (no I, L, O or U:
/// nothing to misread aloud) in three groups, <c>K7QM-2X9D-HT4R</c>, 60 random bits. Read back in any case, with or
/// without the dashes, O as 0 and I or L as 1.
/// </summary>
public static class OneTimeCode
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private const int Length = 12;
    private const int Group = 4;

    /// <summary>How long a code works: long enough to hand it out before the game night, short enough not to linger.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(72);

    public static string New()
    {
        Span<char> code = stackalloc char[Length + Length / Group - 1];
        var position = 0;
        for (var i = 0; i < Length; i++)
        {
            if (i > 0 && i % Group == 0)
                code[position++] = '-';
            code[position++] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }
        return new string(code);
    }

    /// <summary>The code as it is hashed: upper case, no separators, look-alikes read as digits; null if it cannot be a code.</summary>
    public static string? Normalize(string written)
    {
        var characters = new List<char>(Length);
        foreach (var c in written.ToUpperInvariant())
        {
            if (c is '-' or ' ')
                continue;
            var read = c switch { 'O' => '0', 'I' or 'L' => '1', _ => c };
            if (!Alphabet.Contains(read) || characters.Count == Length)
                return null;
            characters.Add(read);
        }
        return characters.Count == Length ? new string(characters.ToArray()) : null;
    }
}
