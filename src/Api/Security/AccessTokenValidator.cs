using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using IaGenify.Infrastructure.Security;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace IaGenify.Api.Security;

/// <summary>What a request needs from a valid access token: who, which session, when it was issued, and its claims.</summary>
internal sealed record AccessToken(Guid UserId, string Email, Guid? SessionId, DateTimeOffset IssuedAt, ClaimsIdentity Identity);

/// <summary>
/// Validates access tokens (HS256 with the configured key, issuer, audience, lifetime with 30 s of skew) and remembers
/// a valid one for <c>Jwt:ValidatedTokenCacheLifetime</c>, keyed by its SHA-256 and never past its expiry, so that the
/// following requests with the same token skip the signature, the JSON parsing and the claim checks. Only valid tokens
/// are remembered. Revocation is not part of this: the handler checks it on every request, so a revoked session
/// answers 401 as soon as the revocation set knows. The validation parameters are fixed for the application's life
/// (one signing key), so a token valid once stays valid until it expires.
/// </summary>
internal sealed class AccessTokenValidator
{
    /// <summary>About 2 KB each: a few thousand users active within the cache lifetime fit comfortably.</summary>
    private const int MaxEntries = 10_000;

    private readonly record struct Key(UInt128 First, UInt128 Second);

    private sealed record Entry(AccessToken Token, DateTime Until);

    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private readonly TokenValidationParameters _parameters;
    private readonly TimeSpan _lifetime;
    private readonly ConcurrentDictionary<Key, Entry> _entries = new();

    public AccessTokenValidator(IOptions<JwtOptions> options)
    {
        var jwt = options.Value;
        _lifetime = jwt.ValidatedTokenCacheLifetime;
        _parameters = new TokenValidationParameters
        {
            ValidIssuer = jwt.Issuer,
            ValidAudience = jwt.Audience,
            IssuerSigningKey = new SymmetricSecurityKey(jwt.SigningKeyBytes()),
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ClockSkew = TimeSpan.FromSeconds(30),
        };
    }

    public async ValueTask<AccessToken?> ValidateAsync(string token)
    {
        if (_lifetime <= TimeSpan.Zero)
            return (await ValidateCoreAsync(token))?.Token;
        var key = KeyOf(token);
        var now = DateTime.UtcNow;
        if (_entries.TryGetValue(key, out var cached) && cached.Until > now)
            return cached.Token;
        if (await ValidateCoreAsync(token) is not { } validated)
            return null;
        if (_entries.Count >= MaxEntries)
            Prune(now);
        _entries[key] = new Entry(validated.Token, validated.ValidTo < now + _lifetime ? validated.ValidTo : now + _lifetime);
        return validated.Token;
    }

    private async Task<(AccessToken Token, DateTime ValidTo)?> ValidateCoreAsync(string token)
    {
        var result = await _handler.ValidateTokenAsync(token, _parameters);
        if (!result.IsValid || result.SecurityToken is not JsonWebToken jwt
            || !Guid.TryParse(jwt.Subject, out var userId)
            || !jwt.TryGetPayloadValue<string>(JwtRegisteredClaimNames.Email, out var email) || string.IsNullOrEmpty(email))
            return null;
        Guid? session = jwt.TryGetPayloadValue<string>(JwtRegisteredClaimNames.Sid, out var sid) && Guid.TryParse(sid, out var id) ? id : null;
        var accessToken = new AccessToken(userId, email, session, new DateTimeOffset(jwt.IssuedAt, TimeSpan.Zero), result.ClaimsIdentity);
        return (accessToken, jwt.ValidTo);
    }

    private void Prune(DateTime now)
    {
        foreach (var (key, entry) in _entries)
            if (entry.Until <= now)
                _entries.TryRemove(key, out _);
        if (_entries.Count >= MaxEntries)
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
