using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace IaGenify.Api.Hosting;

internal static class OpenApiSetup
{
    public static IServiceCollection AddApiDocumentation(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer<BearerSecurityTransformer>();
            options.AddOperationTransformer<AnonymousOperationTransformer>();
            options.AddOperationTransformer<AccountSuspendedOperationTransformer>();
        });

    /// <summary>The document at /openapi/v1.json and an interactive reference at /docs (served locally, no CDN).</summary>
    public static WebApplication MapApiDocumentation(this WebApplication app)
    {
        app.MapOpenApi();
        app.MapScalarApiReference("/docs", options => options.WithTitle("IaGenify API").WithOpenApiRoutePattern("/openapi/{documentName}.json"));
        return app;
    }

    private static readonly Dictionary<string, string> TagDescriptions = new()
    {
        ["Auth"] = "Accounts, sign-in, tokens, email verification and password reset.",
        ["Me"] = "The signed-in user's own account.",
        ["Workspaces"] = "Tenants: everything else belongs to one.",
        ["Members"] = "The people of a workspace and their roles.",
        ["Invitations"] = "Inviting people into a workspace by email.",
        ["Audit"] = "Who did what in a workspace.",
        ["Webhooks"] = "Outbound, signed event deliveries to your endpoints.",
        ["Admin"] = "Platform staff only; every call is audit-logged.",
        ["Credits"] = "The usage ledger generations are paid from.",
        ["API keys"] = "Workspace keys for automation clients.",
        ["Exports"] = "A workspace's data as a downloadable archive.",
        ["Billing"] = "Plans, Stripe Checkout and the customer portal.",
        ["Generations"] = "AI jobs: queued, charged on success, cancellable.",
        ["Websites"] = "Generated websites: pages, sections, preview and publishing.",
        ["Assets"] = "Images, uploaded or generated.",
        ["Published sites"] = "The live sites, for anyone.",
        ["Mailbox"] = "Messages from published sites' contact forms, AI reply drafts and replies.",
        ["Assistant"] = "A workspace assistant that calls the platform's tools as the caller.",
        ["Custom domains"] = "A website served on your own domain, verified by a DNS TXT record.",
        ["Analytics"] = "Page views of published sites and the workspace's usage.",
        ["Development"] = "Helpers mapped only in the Development environment.",
    };

    private sealed class BearerSecurityTransformer : IOpenApiDocumentTransformer
    {
        public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
        {
            document.Info.Title = "IaGenify API";
            document.Info.Description = "Multi-tenant AI SaaS platform. Errors are RFC 9457 problem documents with `code` and `traceId`.";
            // The server is the host that served the document; a trailing slash would double the one of every path.
            foreach (var server in document.Servers ?? [])
                server.Url = server.Url?.TrimEnd('/');
            document.Tags ??= new HashSet<OpenApiTag>();
            foreach (var tag in document.Tags)
                tag.Description ??= TagDescriptions.GetValueOrDefault(tag.Name ?? "");
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes["Bearer"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "An access token from /api/v1/auth/login, or a workspace API key (iag_…).",
            };
            document.Components.SecuritySchemes["ApiKey"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = "X-Api-Key",
                Description = "A workspace API key (iag_…), for automation clients.",
            };
            document.Security ??= [];
            // Either scheme: each requirement is an alternative.
            document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", document)] = [] });
            document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("ApiKey", document)] = [] });
            return Task.CompletedTask;
        }
    }

    /// <summary>
    /// Routes marked <c>.AllowAnonymous()</c> override the document's security with none, so that a generated client
    /// sends no credentials there and a reader sees at once which routes need none.
    /// </summary>
    private sealed class AnonymousOperationTransformer : IOpenApiOperationTransformer
    {
        public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
        {
            if (context.Description.ActionDescriptor.EndpointMetadata.OfType<IAllowAnonymous>().Any())
                operation.Security = [];
            return Task.CompletedTask;
        }
    }
}
