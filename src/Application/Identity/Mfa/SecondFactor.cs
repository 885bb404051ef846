using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Identity.Ports;
using IaGenify.Application.Identity.Specifications;
using IaGenify.Domain.Identity;

namespace IaGenify.Application.Identity.Mfa;

/// <summary>
/// Checks a second factor of a user with two-factor authentication on. A TOTP code is accepted once (its time step
/// is recorded on the user); a recovery code is marked used. Changes are staged for the caller's unit of work.
/// </summary>
public sealed class SecondFactor(
    ITotpAuthenticator totp,
    IMfaSecretProtector protector,
    IRepository<RecoveryCode> recoveryCodes,
    TimeProvider clock)
{
    public bool TryCode(User user, string code)
    {
        if (!user.IsTotpEnabled || user.TotpSecret is null)
            return false;
        return totp.MatchStep(protector.Unprotect(user.TotpSecret), code, clock.GetUtcNow()) is { } step
               && user.TryAcceptTotpStep(step);
    }

    public async Task<bool> TryRecoveryCodeAsync(User user, string code, CancellationToken cancellationToken)
    {
        if (!user.IsTotpEnabled)
            return false;
        var match = await recoveryCodes.FirstOrDefaultAsync(
            new UnusedRecoveryCodeSpec(user.Id, RecoveryCodes.Hash(code)), cancellationToken);
        if (match is null)
            return false;
        match.Use(clock.GetUtcNow());
        return true;
    }

    /// <summary>Stages ten fresh recovery codes in place of any earlier ones and returns them (shown once).</summary>
    public async Task<IReadOnlyList<string>> ReplaceRecoveryCodesAsync(User user, CancellationToken cancellationToken)
    {
        await RemoveRecoveryCodesAsync(user, cancellationToken);
        var now = clock.GetUtcNow();
        var codes = Enumerable.Range(0, RecoveryCode.CountPerEnrolment).Select(_ => RecoveryCodes.Create()).ToList();
        foreach (var code in codes)
            recoveryCodes.Add(RecoveryCode.Create(user.Id, RecoveryCodes.Hash(code), now));
        return codes;
    }

    public async Task RemoveRecoveryCodesAsync(User user, CancellationToken cancellationToken)
    {
        foreach (var existing in await recoveryCodes.ListAsync(new RecoveryCodesOfUserSpec(user.Id), cancellationToken))
            recoveryCodes.Remove(existing);
    }
}
