using Ardalis.Specification;
using IaGenify.Application.Common.Persistence;
using IaGenify.Domain.Common;
using IaGenify.Domain.Identity;
using NSubstitute;

namespace IaGenify.Application.Tests.Persistence;

public sealed class FirstOrNotFoundTests
{
    private sealed class AnyUser : Specification<User>;

    [Fact]
    public async Task A_missing_row_is_a_not_found_naming_the_resource()
    {
        var users = Substitute.For<IRepository<User>>();
        users.FirstOrDefaultAsync(Arg.Any<ISpecification<User>>(), Arg.Any<CancellationToken>()).Returns((User?)null);

        var error = await Assert.ThrowsAsync<NotFoundException>(() => users.FirstOrNotFoundAsync(new AnyUser(), "User", CancellationToken.None));
        Assert.Equal("User was not found.", error.Message);
    }

    [Fact]
    public async Task A_found_row_is_returned()
    {
        var user = User.Register("a@example.com", "A", "hash", DateTimeOffset.UtcNow);
        var users = Substitute.For<IRepository<User>>();
        users.FirstOrDefaultAsync(Arg.Any<ISpecification<User>>(), Arg.Any<CancellationToken>()).Returns(user);

        Assert.Same(user, await users.FirstOrNotFoundAsync(new AnyUser(), "User", CancellationToken.None));
    }
}
