namespace IaGenify.Application.Identity;

/// <summary>
/// A module's part in erasing an account: it stages the removal of what it keeps about the person on the scope's
/// unit of work, so that the erasure commits whole or not at all.
/// </summary>
public interface IAccountErasureParticipant
{
    Task EraseAsync(Guid userId, CancellationToken cancellationToken);
}
