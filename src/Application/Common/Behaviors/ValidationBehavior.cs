using System.Text.Json;
using FluentValidation;
using IaGenify.Application.Common.Exceptions;
using MediatR;

namespace IaGenify.Application.Common.Behaviors;

/// <summary>Runs every validator of the request; any failure stops it before the handler with a field-by-field map.</summary>
public sealed class ValidationBehavior<TRequest, TResponse>(IEnumerable<IValidator<TRequest>> validators)
    : IPipelineBehavior<TRequest, TResponse>
{
    private readonly IValidator<TRequest>[] _validators = validators.ToArray();

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (_validators.Length == 0)
            return await next();

        var context = new ValidationContext<TRequest>(request);
        var failures = new List<FluentValidation.Results.ValidationFailure>();
        foreach (var validator in _validators)
            failures.AddRange((await validator.ValidateAsync(context, cancellationToken)).Errors);

        if (failures.Count == 0)
            return await next();

        var errors = failures
            .GroupBy(f => ToJsonPath(f.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).Distinct().ToArray());
        throw new RequestValidationException(errors);
    }

    /// <summary>"Items[0].Name" becomes "items[0].name", the way clients spell the field in JSON.</summary>
    private static string ToJsonPath(string propertyName) =>
        string.Join('.', propertyName.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName));
}
