using Ardalis.Specification;
using IaGenify.Domain.Common;
using IaGenify.Domain.Identity;

namespace IaGenify.Application.Identity.Specifications;

public sealed class UserByEmailSpec : Specification<User>
{
    public UserByEmailSpec(string email) => Query.Where(u => u.Email == EmailAddress.Normalize(email));
}

public sealed class UserByIdSpec : Specification<User>
{
    public UserByIdSpec(Guid id) => Query.Where(u => u.Id == id);
}
