using IaGenify.Application.Common.Idempotency;
using IaGenify.Application.Workspaces.Commands.CreateInvitation;
using IaGenify.Application.Workspaces.Commands.CreateWorkspace;
using IaGenify.Application.Workspaces.Commands.UpdateWorkspace;
using IaGenify.Domain.Workspaces;

namespace IaGenify.Application.Tests.Idempotency;

public sealed class RequestFingerprintTests
{
    private static readonly Guid Workspace = Guid.CreateVersion7();

    [Fact]
    public void Equal_requests_have_the_same_fingerprint()
    {
        var first = RequestFingerprint.Of(new CreateInvitation(Workspace, "a@example.com", Role.Viewer));
        var second = RequestFingerprint.Of(new CreateInvitation(Workspace, "a@example.com", Role.Viewer));

        Assert.Equal(first, second);
        Assert.Matches("^[0-9a-f]{64}$", first);
    }

    [Fact]
    public void Any_changed_value_changes_the_fingerprint()
    {
        var original = RequestFingerprint.Of(new CreateInvitation(Workspace, "a@example.com", Role.Viewer));

        Assert.NotEqual(original, RequestFingerprint.Of(new CreateInvitation(Workspace, "b@example.com", Role.Viewer)));
        Assert.NotEqual(original, RequestFingerprint.Of(new CreateInvitation(Workspace, "a@example.com", Role.Member)));
        Assert.NotEqual(original, RequestFingerprint.Of(new CreateInvitation(Guid.CreateVersion7(), "a@example.com", Role.Viewer)));
    }

    [Fact]
    public void Requests_of_different_types_with_the_same_values_differ()
    {
        Assert.NotEqual(
            RequestFingerprint.Of(new UpdateWorkspace(Workspace, "Acme", null)),
            RequestFingerprint.Of(new SameShape(Workspace, "Acme", null)));
        Assert.NotEqual(RequestFingerprint.Of(new CreateWorkspace("Acme")), RequestFingerprint.Of(new CreateWorkspace("acme")));
    }

    [Theory]
    [InlineData("6f1c1f4e-9a0b-4c53-8d5e-2f6a1b0c9d7e", true)]
    [InlineData("order-4711/retry", true)]
    [InlineData("", false)]
    [InlineData("has space", false)]
    [InlineData("tab\tinside", false)]
    [InlineData("é", false)]
    public void Keys_are_visible_ascii(string key, bool valid) => Assert.Equal(valid, IdempotencyKey.IsValid(key));

    [Fact]
    public void Keys_are_at_most_255_characters()
    {
        Assert.True(IdempotencyKey.IsValid(new string('k', 255)));
        Assert.False(IdempotencyKey.IsValid(new string('k', 256)));
    }

    private sealed record SameShape(Guid WorkspaceId, string Name, bool? RequireMfa);
}
