using System.Net;
using System.Net.Sockets;

namespace AfterSales.Disputes.Application.Webhooks;

/// <summary>
/// Where webhooks may be sent. A subscriber names the URL, so without these checks a store could make the host
/// call its own network (server-side request forgery): a database port on loopback, a private service, the cloud
/// metadata address. A URL must be https, and every address it resolves to public; with
/// <see cref="AfterSalesOptions.WebhookLoopbackAllowed"/> (development), http and https to loopback are allowed
/// too. Checked at subscription and again at every delivery, on the addresses the connection actually uses, so a
/// name that later resolves elsewhere (DNS rebinding) reaches nothing it may not.
/// </summary>
public static class WebhookTargets
{
    /// <summary>Why <paramref name="url"/> may not receive webhooks, or null when it may.</summary>
    public static async Task<string?> RefusalAsync(Uri url, bool loopbackAllowed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri || url.Scheme is not ("https" or "http"))
        {
            return "A webhook URL is an absolute https URL.";
        }

        if (!string.IsNullOrEmpty(url.UserInfo))
        {
            return "A webhook URL carries no user name or password; the signature authenticates the sender.";
        }

        IPAddress[] addresses;
        try
        {
            addresses = await ResolveAsync(url.IdnHost, cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException)
        {
            return $"The webhook URL's host {url.Host} cannot be resolved.";
        }

        if (addresses.Length == 0)
        {
            return $"The webhook URL's host {url.Host} cannot be resolved.";
        }

        if (addresses.FirstOrDefault(address => !MayReach(address, url.Scheme, loopbackAllowed)) is { } refused)
        {
            return url.Scheme == "http" && IsPublic(refused) ? "A webhook URL is https (http only to loopback, in development)."
                : $"The webhook URL's host {url.Host} resolves to {refused}, a loopback, private, link-local or otherwise reserved address webhooks may not reach.";
        }

        return null;
    }

    /// <summary>
    /// Whether a delivery over <paramref name="scheme"/> may connect to <paramref name="address"/>: a public address over
    /// https, or (with <paramref name="loopbackAllowed"/>) a loopback address over either scheme.
    /// </summary>
    public static bool MayReach(IPAddress address, string scheme, bool loopbackAllowed)
    {
        ArgumentNullException.ThrowIfNull(address);
        var plain = Unmapped(address);
        return IPAddress.IsLoopback(plain) ? loopbackAllowed : scheme == "https" && IsPublic(plain);
    }

    /// <summary>
    /// True for an address on the public internet: not loopback, unspecified, private (10/8, 172.16/12, 192.168/16,
    /// fc00::/7), shared (100.64/10), link-local (169.254/16 with the cloud metadata address, fe80::/10), benchmarking,
    /// multicast or reserved; an IPv6 address that carries an IPv4 one (mapped, NAT64, 6to4) is judged by it.
    /// </summary>
    public static bool IsPublic(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var plain = Unmapped(address);
        if (IPAddress.IsLoopback(plain))
        {
            return false;
        }

        if (plain.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = plain.GetAddressBytes();
            return !(b[0] == 0 || b[0] == 10 || b[0] >= 224
                || (b[0] == 100 && (b[1] & 0xC0) == 64)
                || (b[0] == 169 && b[1] == 254)
                || (b[0] == 172 && (b[1] & 0xF0) == 16)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 192 && b[1] == 0 && b[2] == 0)
                || (b[0] == 198 && (b[1] & 0xFE) == 18));
        }

        return !(plain.Equals(IPAddress.IPv6Any) || plain.IsIPv6LinkLocal || plain.IsIPv6SiteLocal || plain.IsIPv6Multicast || plain.IsIPv6UniqueLocal);
    }

    /// <summary>
    /// The handler webhook deliveries use: it connects only to addresses <see cref="MayReach"/> allows (resolved here,
    /// so the address checked is the address connected to), follows no redirect and uses no proxy.
    /// </summary>
    public static SocketsHttpHandler Handler(bool loopbackAllowed) => new()
    {
        AllowAutoRedirect = false,
        UseProxy = false,
        ConnectCallback = async (context, cancellationToken) =>
        {
            var scheme = context.InitialRequestMessage.RequestUri?.Scheme ?? "https";
            var addresses = await ResolveAsync(context.DnsEndPoint.Host, cancellationToken).ConfigureAwait(false);
            var allowed = addresses.Where(address => MayReach(address, scheme, loopbackAllowed)).ToArray();
            if (allowed.Length == 0)
            {
                throw new HttpRequestException(
                    $"{context.DnsEndPoint.Host} resolves to no address webhooks may reach over {scheme} (loopback, private, link-local and reserved addresses are refused).");
            }

            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken).ConfigureAwait(false);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };

    private static async Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) =>
        IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);

    // An IPv6 address carrying an IPv4 one: mapped (::ffff:a.b.c.d), NAT64 (64:ff9b::a.b.c.d) or 6to4 (2002:aabb:ccdd::).
    private static IPAddress Unmapped(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address;
        }

        var bytes = address.GetAddressBytes();
        if (bytes[0] == 0x00 && bytes[1] == 0x64 && bytes[2] == 0xFF && bytes[3] == 0x9B && bytes.AsSpan(4, 8).IndexOfAnyExcept((byte)0) < 0)
        {
            return new IPAddress(bytes.AsSpan(12, 4));
        }

        return bytes[0] == 0x20 && bytes[1] == 0x02 ? new IPAddress(bytes.AsSpan(2, 4)) : address;
    }
}
