using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace IaGenify.Api.Security;

/// <summary>
/// Validates an access token once and remembers the outcome for a short while, keyed by the token's SHA-256, so that
/// the following requests with the same token skip the signature, the JSON parsing and the claim checks. Only valid
/// tokens are remembered, never past their expiry. Revocation is not cached: it is checked on every request after
/// this (<c>AuthenticationSetup.RefuseRevoked</c>), so a revoked session answers 401 as soon as the revocation set knows.
/// The validation parameters are fixed for the application's life (one signing key), so a token valid once stays
/// valid until it expires.
/// </summary>
internal sealed class ValidatedTokenCache(TokenHandler inner, TimeSpan lifetime, int maxEntries) : TokenHandler
{
    private readonly record struct Key(UInt128 First, UInt128 Second);

    private sealed record Entry(TokenValidationResult Result, DateTime Until);

    private readonly ConcurrentDictionary<Key, Entry> _entries = new();

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        var key = KeyOf(token);
        var now = DateTime.UtcNow;
        if (_entries.TryGetValue(key, out var cached) && cached.Until > now)
            return Copy(cached.Result);
        var result = await inner.ValidateTokenAsync(token, validationParameters);
        if (result.IsValid && result.SecurityToken is { } validated)
        {
            var until = validated.ValidTo < now + lifetime ? validated.ValidTo : now + lifetime;
            if (_entries.Count >= maxEntries)
                Prune(now);
            _entries[key] = new Entry(result, until);
        }
        return result;
    }

    // Each request gets its own identity: nothing a request does to its principal reaches another.
    private static TokenValidationResult Copy(TokenValidationResult result) => new()
    {
        IsValid = true,
        ClaimsIdentity = result.ClaimsIdentity.Clone(),
        SecurityToken = result.SecurityToken,
        TokenType = result.TokenType,
        Issuer = result.Issuer,
    };

    private void Prune(DateTime now)
    {
        foreach (var (key, entry) in _entries)
            if (entry.Until <= now)
                _entries.TryRemove(key, out _);
        if (_entries.Count >= maxEntries)
            _entries.Clear();
    }

    private static Key KeyOf(string token)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(token), hash);
        var halves = MemoryMarshal.Cast<byte, UInt128>(hash);
        return new Key(halves[0], halves[1]);
    }
}
