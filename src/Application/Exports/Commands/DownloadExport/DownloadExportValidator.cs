using FluentValidation;

namespace IaGenify.Application.Exports.Commands.DownloadExport;

internal sealed class DownloadExportValidator : AbstractValidator<DownloadExport>
{
    public DownloadExportValidator() => RuleFor(x => x.ExportId).NotEmpty();
}
