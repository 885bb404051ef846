namespace IaGenify.Application.Common.Security;

/// <summary>Access policy: any signed-in user, acting on their own data only.</summary>
public interface IUserRequest;
