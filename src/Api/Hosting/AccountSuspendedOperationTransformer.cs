using IaGenify.Api.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace IaGenify.Api.Hosting;

/// <summary>Names <c>account_suspended</c> on the 403 response of the routes marked <c>.RefusesSuspendedAccounts()</c>.</summary>
internal sealed class AccountSuspendedOperationTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<AccountSuspendedResponses.Marker>().Any()
            && operation.Responses?.TryGetValue("403", out var forbidden) == true && forbidden is OpenApiResponse response)
            response.Description = AccountSuspendedResponses.Description;
        return Task.CompletedTask;
    }
}
