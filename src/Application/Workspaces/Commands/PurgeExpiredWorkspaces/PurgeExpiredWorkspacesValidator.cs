using FluentValidation;

namespace IaGenify.Application.Workspaces.Commands.PurgeExpiredWorkspaces;

/// <summary>The command has no input.</summary>
internal sealed class PurgeExpiredWorkspacesValidator : AbstractValidator<PurgeExpiredWorkspaces>;
