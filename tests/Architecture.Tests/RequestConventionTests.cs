using FluentValidation;
using IaGenify.Application.Assets.Commands.DeleteAsset;
using IaGenify.Application.Billing.Commands.OpenCustomerPortal;
using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Exports.Commands.RunQueuedExports;
using IaGenify.Application.Generations.Commands.CancelGeneration;
using IaGenify.Application.Identity.Commands.ResendVerificationEmail;
using IaGenify.Application.Webhooks.Commands.DeleteWebhookEndpoint;
using IaGenify.Application.Webhooks.Commands.RotateWebhookSecret;
using IaGenify.Application.Webhooks.Commands.SendTestWebhook;
using IaGenify.Application.Websites.Commands.DeleteCustomDomain;
using IaGenify.Application.Websites.Commands.DeletePage;
using IaGenify.Application.Websites.Commands.DeleteSection;
using IaGenify.Application.Websites.Commands.DeleteWebsite;
using IaGenify.Application.Websites.Commands.MakeDomainPrimary;
using IaGenify.Application.Websites.Commands.PublishWebsite;
using IaGenify.Application.Websites.Commands.VerifyCustomDomain;
using IaGenify.Application.Workspaces.Commands.PurgeExpiredWorkspaces;
using MediatR;

namespace IaGenify.Architecture.Tests;

/// <summary>Every request declares exactly one access policy, and every command is validated or allow-listed.</summary>
public sealed class RequestConventionTests
{
    /// <summary>
    /// Commands with nothing to validate: no input at all, or only ids taken from the route, which the access policy
    /// and the handler's lookup check (a wrong id is a 404, not a 400). Anything with a body needs a validator.
    /// </summary>
    private static readonly HashSet<Type> CommandsWithNothingToValidate =
    [
        typeof(CancelGeneration),
        typeof(DeleteAsset),
        typeof(DeleteCustomDomain),
        typeof(DeletePage),
        typeof(DeleteSection),
        typeof(DeleteWebhookEndpoint),
        typeof(DeleteWebsite),
        typeof(MakeDomainPrimary),
        typeof(OpenCustomerPortal),
        typeof(PublishWebsite),
        typeof(PurgeExpiredWorkspaces),
        typeof(ResendVerificationEmail),
        typeof(RotateWebhookSecret),
        typeof(RunQueuedExports),
        typeof(SendTestWebhook),
        typeof(VerifyCustomDomain),
    ];

    private static readonly Type[] Requests = Assemblies.Application.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && t.GetInterfaces().Any(IsRequest))
        .ToArray();

    private static bool IsRequest(Type i) => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequest<>);

    private static bool IsCommand(Type t) =>
        t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICommand<>));

    [Fact]
    public void There_are_requests_to_check() => Assert.True(Requests.Length > 20);

    [Fact]
    public void Every_request_declares_exactly_one_access_policy()
    {
        var offenders = Requests
            .Select(t => (Type: t, Policies: AccessPolicy.Declared(t)))
            .Where(r => r.Policies.Count != 1)
            .Select(r => $"{r.Type.FullName}: {(r.Policies.Count == 0 ? "none" : string.Join(", ", r.Policies))}");
        Assert.Empty(offenders);
    }

    [Fact]
    public void Every_workspace_request_names_the_permission_it_needs()
    {
        var offenders = Requests
            .Where(t => typeof(IWorkspaceRequest).IsAssignableFrom(t))
            .Where(t => t.GetCustomAttributes(typeof(RequiresPermissionAttribute), false).Length != 1)
            .Select(t => t.FullName);
        Assert.Empty(offenders);
    }

    private static readonly Dictionary<Type, int> Validated = Assemblies.Application.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false })
        .SelectMany(t => t.GetInterfaces())
        .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IValidator<>))
        .GroupBy(i => i.GetGenericArguments()[0])
        .ToDictionary(g => g.Key, g => g.Count());

    [Fact]
    public void Every_command_has_exactly_one_validator_unless_allow_listed()
    {
        var offenders = Requests.Where(IsCommand)
            .Where(c => !CommandsWithNothingToValidate.Contains(c))
            .Where(c => Validated.GetValueOrDefault(c) != 1)
            .Select(c => $"{c.FullName}: {Validated.GetValueOrDefault(c)} validator(s)");
        Assert.Empty(offenders);
    }

    [Fact]
    public void Allow_listed_commands_carry_only_ids_and_have_no_validator()
    {
        var offenders = CommandsWithNothingToValidate
            .Where(c => Validated.ContainsKey(c) || c.GetProperties().Any(p => p.PropertyType != typeof(Guid)))
            .Select(c => c.FullName);
        Assert.Empty(offenders);
    }

    [Fact]
    public void Every_request_is_a_command_or_a_query()
    {
        var offenders = Requests.Where(t => !IsCommand(t) &&
            !t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IQuery<>)));
        Assert.Empty(offenders.Select(t => t.FullName));
    }

    [Fact]
    public void Requests_and_handlers_are_sealed()
    {
        var handlers = Assemblies.Application.GetTypes().Where(t => t.GetInterfaces().Any(i =>
            i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequestHandler<,>)));
        Assert.Empty(Requests.Concat(handlers).Where(t => !t.IsSealed).Select(t => t.FullName));
    }
}
