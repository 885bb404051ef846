using System.Net;
using System.Net.Sockets;

namespace IaGenify.Application.Identity.Sessions;

/// <summary>
/// The network a client address belongs to: its /24 for IPv4, its /48 for IPv6. Enough for a person to tell home
/// from office, not enough to locate them.
/// </summary>
public static class NetworkPrefix
{
    public const string Unknown = "unknown";

    public static string Of(string? ipAddress)
    {
        if (!IPAddress.TryParse(ipAddress, out var address))
            return Unknown;
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        var bytes = address.GetAddressBytes();
        if (address.AddressFamily == AddressFamily.InterNetwork)
            return $"{bytes[0]}.{bytes[1]}.{bytes[2]}.0/24";
        Array.Clear(bytes, 6, bytes.Length - 6);
        return $"{new IPAddress(bytes)}/48";
    }
}
