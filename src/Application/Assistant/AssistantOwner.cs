using IaGenify.Application.Common.Exceptions;
using IaGenify.Application.Common.Security;

namespace IaGenify.Application.Assistant;

internal static class AssistantOwner
{
    /// <summary>Conversations belong to the user (or API key) that started them; nobody else reads them.</summary>
    public static Guid Of(RequestContext context) =>
        context.Principal.ActorId ?? throw new UnauthenticatedException("The assistant needs a signed-in user or an API key.");
}
