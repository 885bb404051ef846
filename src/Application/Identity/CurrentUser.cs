using IaGenify.Application.Common.Exceptions;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using IaGenify.Application.Identity.Specifications;
using IaGenify.Domain.Identity;

namespace IaGenify.Application.Identity;

internal static class CurrentUser
{
    /// <summary>The signed-in user, tracked; an erased account is treated as signed out.</summary>
    public static async Task<User> LoadAsync(this IRepository<User> users, RequestContext context, CancellationToken cancellationToken)
    {
        var user = await users.FirstOrDefaultAsync(new UserByIdSpec(context.Principal.RequireUserId()), cancellationToken);
        return user is null || user.IsDeleted ? throw new UnauthenticatedException("This account no longer exists.") : user;
    }
}
