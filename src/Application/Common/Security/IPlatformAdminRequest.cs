namespace IaGenify.Application.Common.Security;

/// <summary>Access policy: platform staff (configured by email); every use is audit-logged.</summary>
public interface IPlatformAdminRequest;
