using IaGenify.Application.Common.Exceptions;
using IaGenify.Application.Common.Idempotency;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace IaGenify.Api.Http;

/// <summary>
/// <c>.WithIdempotency()</c>: the endpoint accepts an <c>Idempotency-Key</c> header for the command it sends. The
/// header is only read here; the decision (run, replay, 409, 422) is taken by the Application's idempotency behavior
/// after authorization, where the workspace scope is known.
/// </summary>
internal static class IdempotencyConvention
{
    public const string ReplayedHeader = "Idempotent-Replayed";

    public static TBuilder WithIdempotency<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder
            .AddEndpointFilter<TBuilder, IdempotencyFilter>()
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                operation.Parameters ??= [];
                // Endpoints that pass the key on to their command bind it too; it is still one parameter.
                var bound = operation.Parameters.FirstOrDefault(p => p.In == ParameterLocation.Header && p.Name == IdempotencyKey.Header);
                if (bound is not null)
                    operation.Parameters.Remove(bound);
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = IdempotencyKey.Header,
                    In = ParameterLocation.Header,
                    Required = false,
                    Description = "Retry safely: the same key with the same body returns the first response for 24 hours; "
                        + "with another body, 422; while the first is still running, 409.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = IdempotencyKey.MaxLength },
                });
                return Task.CompletedTask;
            });

    private sealed class IdempotencyFilter : IEndpointFilter
    {
        public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
        {
            var http = context.HttpContext;
            var values = http.Request.Headers[IdempotencyKey.Header];
            if (values.Count == 0)
                return await next(context);
            if (values.Count > 1 || !IdempotencyKey.IsValid(values[0]))
                throw RequestValidationException.For(IdempotencyKey.Header,
                    $"Send one key of 1 to {IdempotencyKey.MaxLength} visible ASCII characters, such as a UUID.");

            var idempotency = http.RequestServices.GetRequiredService<IdempotencyContext>();
            idempotency.Use(values[0]!);
            var result = await next(context);
            if (idempotency.Replayed)
                http.Response.Headers[ReplayedHeader] = "true";
            return result;
        }
    }
}
