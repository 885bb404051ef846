using FluentValidation;

namespace IaGenify.Application.Generations.Commands.CancelGeneration;

internal sealed class CancelGenerationValidator : AbstractValidator<CancelGeneration>;
