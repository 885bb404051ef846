using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Identity.Ports;
using IaGenify.Domain.Identity;
using MediatR;

namespace IaGenify.Application.Identity.Commands.BeginTotpEnrolment;

/// <summary>The shared secret of a new authenticator, as text and as the URI a QR code carries. Shown once.</summary>
public sealed record TotpEnrolmentDto(string Secret, string OtpauthUri);

/// <summary>
/// Starts two-factor enrolment: a new secret is stored (encrypted) as pending; it takes effect when the first code
/// from the authenticator app is confirmed. Starting again replaces a pending secret.
/// </summary>
public sealed record BeginTotpEnrolment : ICommand<TotpEnrolmentDto>, IUserRequest;

internal sealed class BeginTotpEnrolmentHandler(
    RequestContext context,
    IRepository<User> users,
    ITotpAuthenticator totp,
    IMfaSecretProtector protector,
    IUnitOfWork unitOfWork) : IRequestHandler<BeginTotpEnrolment, TotpEnrolmentDto>
{
    public async Task<TotpEnrolmentDto> Handle(BeginTotpEnrolment request, CancellationToken cancellationToken)
    {
        var user = await users.LoadAsync(context, cancellationToken);
        var secret = totp.NewSecret();
        user.BeginTotpEnrolment(protector.Protect(secret));
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return new TotpEnrolmentDto(secret, totp.EnrolmentUri(secret, user.Email));
    }
}
