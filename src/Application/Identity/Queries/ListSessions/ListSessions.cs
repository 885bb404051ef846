using IaGenify.Application.Common.Messaging;
using IaGenify.Application.Common.Persistence;
using IaGenify.Application.Common.Security;
using Ardalis.Specification;
using IaGenify.Domain.Identity;
using MediatR;

namespace IaGenify.Application.Identity.Queries.ListSessions;

/// <summary>
/// A session as its user sees it. <see cref="Id"/> is the refresh-token family; <see cref="LastUsedAt"/> is the last
/// sign-in or refresh; <see cref="Client"/> and <see cref="Network"/> are coarse on purpose.
/// </summary>
public sealed record SessionDto(Guid Id, bool Current, DateTimeOffset CreatedAt, DateTimeOffset LastUsedAt, string Client, string Network);

public sealed record SessionList(IReadOnlyList<SessionDto> Items);

/// <summary>The caller's live sessions, most recently used first. Bounded by nature, so not paged.</summary>
public sealed record ListSessions : IQuery<SessionList>, IUserRequest;

internal sealed class ListSessionsHandler(RequestContext context, IRepository<RefreshToken> refreshTokens, TimeProvider clock)
    : IRequestHandler<ListSessions, SessionList>
{
    public async Task<SessionList> Handle(ListSessions request, CancellationToken cancellationToken)
    {
        var userId = context.Principal.RequireUserId();
        var current = context.Principal.SessionId;
        var live = await refreshTokens.ListAsync(new LiveSessionsSpec(userId, clock.GetUtcNow()), cancellationToken);
        return new SessionList(live
            .Select(t => new SessionDto(t.FamilyId, t.FamilyId == current, t.FamilyCreatedAt, t.CreatedAt, t.Client, t.Network))
            .ToList());
    }

    /// <summary>A live family has exactly one token that is neither exchanged, revoked nor expired: its latest link.</summary>
    private sealed class LiveSessionsSpec : Specification<RefreshToken>
    {
        public LiveSessionsSpec(Guid userId, DateTimeOffset now)
        {
            Query.Where(t => t.UserId == userId && t.UsedAt == null && t.RevokedAt == null && t.ExpiresAt > now);
            Query.OrderByDescending(t => t.CreatedAt);
            Query.AsNoTracking();
        }
    }
}
