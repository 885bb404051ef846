namespace IaGenify.Domain.Workspaces;

/// <summary>What removing an erased account from a workspace did besides removing the membership.</summary>
public sealed record ErasedMemberOutcome(Membership Removed, Guid? NewOwnerUserId, bool Abandoned);
