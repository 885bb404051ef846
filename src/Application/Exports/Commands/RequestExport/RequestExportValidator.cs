using FluentValidation;

namespace IaGenify.Application.Exports.Commands.RequestExport;

internal sealed class RequestExportValidator : AbstractValidator<RequestExport>
{
    public RequestExportValidator() => RuleFor(x => x.WorkspaceId).NotEmpty();
}
