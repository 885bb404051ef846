using FluentValidation;

namespace IaGenify.Application.Exports.Commands.RunQueuedExports;

/// <summary>The command has no input.</summary>
internal sealed class RunQueuedExportsValidator : AbstractValidator<RunQueuedExports>;
