using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VpcCni.Engine.Errors;

namespace VpcCni.Engine.Aws;

/// <summary>
/// <see cref="IInstanceMetadata"/> over IMDSv2 with an injected <see cref="HttpClient"/>. Nothing is
/// cached except the session token: every value is read from IMDS when asked, because ENI data
/// changes after attach/assign (unlike the SDK's <c>EC2InstanceMetadata</c>, which caches forever).
/// </summary>
public sealed partial class ImdsInstanceMetadata : IInstanceMetadata, IDisposable
{
    private const string MetaData = "/latest/meta-data/";
    private const string MacsPath = MetaData + "network/interfaces/macs/";
    private readonly ImdsTransport _transport;
    private readonly ILogger<ImdsInstanceMetadata> _logger;

    public ImdsInstanceMetadata(
        HttpClient httpClient, IOptions<InstanceMetadataOptions> options, TimeProvider timeProvider, ILogger<ImdsInstanceMetadata> logger, IAwsCallObserver? observer = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        _logger = logger;
        _transport = new ImdsTransport(httpClient, options.Value, timeProvider, logger, observer);
    }

    public async Task<string?> GetRegionAsync(CancellationToken cancellationToken)
    {
        var region = await ScalarAsync(MetaData + "placement/region", cancellationToken).ConfigureAwait(false);
        if (region is not null)
        {
            return region;
        }

        // placement/region exists only since 2020-08-24; older IMDS versions have just the identity document.
        var document = await _transport.GetAsync("/latest/dynamic/instance-identity/document", cancellationToken).ConfigureAwait(false);
        if (document is null)
        {
            return null;
        }

        try
        {
            using var json = JsonDocument.Parse(document);
            return json.RootElement.TryGetProperty("region", out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        }
        catch (JsonException ex)
        {
            throw Malformed("/latest/dynamic/instance-identity/document", "JSON", ex);
        }
    }

    public Task<string?> GetAvailabilityZoneAsync(CancellationToken cancellationToken) => ScalarAsync(MetaData + "placement/availability-zone", cancellationToken);

    public Task<string?> GetInstanceIdAsync(CancellationToken cancellationToken) => ScalarAsync(MetaData + "instance-id", cancellationToken);

    public Task<string?> GetInstanceTypeAsync(CancellationToken cancellationToken) => ScalarAsync(MetaData + "instance-type", cancellationToken);

    public async Task<IPAddress?> GetLocalIpv4Async(CancellationToken cancellationToken) =>
        ParseAddressOrNull(MetaData + "local-ipv4", await ScalarAsync(MetaData + "local-ipv4", cancellationToken).ConfigureAwait(false));

    public async Task<IPAddress?> GetIpv6Async(CancellationToken cancellationToken) =>
        ParseAddressOrNull(MetaData + "ipv6", await ScalarAsync(MetaData + "ipv6", cancellationToken).ConfigureAwait(false));

    public async Task<string?> GetPrimaryMacAsync(CancellationToken cancellationToken) =>
        (await ScalarAsync(MetaData + "mac", cancellationToken).ConfigureAwait(false))?.ToLowerInvariant();

    public async Task<IReadOnlyList<string>> GetMacsAsync(CancellationToken cancellationToken) =>
        [.. (await ListAsync(MacsPath, cancellationToken).ConfigureAwait(false)).Select(m => m.TrimEnd('/').ToLowerInvariant())];

    public Task<IReadOnlyList<string>> GetInterfaceKeysAsync(string mac, CancellationToken cancellationToken) =>
        ListAsync(MacPath(mac, string.Empty), cancellationToken);

    public Task<string?> GetInterfaceIdAsync(string mac, CancellationToken cancellationToken) => ScalarAsync(MacPath(mac, "interface-id"), cancellationToken);

    public async Task<int?> GetDeviceNumberAsync(string mac, CancellationToken cancellationToken)
    {
        var path = MacPath(mac, "device-number");
        return ParseIntOrNull(path, await ScalarAsync(path, cancellationToken).ConfigureAwait(false));
    }

    public async Task<int> GetNetworkCardAsync(string mac, CancellationToken cancellationToken)
    {
        var path = MacPath(mac, "network-card");
        return ParseIntOrNull(path, await ScalarAsync(path, cancellationToken).ConfigureAwait(false)) ?? 0;
    }

    public Task<string?> GetSubnetIdAsync(string mac, CancellationToken cancellationToken) => ScalarAsync(MacPath(mac, "subnet-id"), cancellationToken);

    public async Task<IPNetwork?> GetSubnetIpv4CidrBlockAsync(string mac, CancellationToken cancellationToken)
    {
        var path = MacPath(mac, "subnet-ipv4-cidr-block");
        var text = await ScalarAsync(path, cancellationToken).ConfigureAwait(false);
        return text is null ? null : ParseNetwork(path, text);
    }

    public Task<IReadOnlyList<IPNetwork>> GetSubnetIpv6CidrBlocksAsync(string mac, CancellationToken cancellationToken) => NetworksAsync(MacPath(mac, "subnet-ipv6-cidr-blocks"), cancellationToken);

    public Task<string?> GetVpcIdAsync(string mac, CancellationToken cancellationToken) => ScalarAsync(MacPath(mac, "vpc-id"), cancellationToken);

    public Task<IReadOnlyList<IPNetwork>> GetVpcIpv4CidrBlocksAsync(string mac, CancellationToken cancellationToken) => NetworksAsync(MacPath(mac, "vpc-ipv4-cidr-blocks"), cancellationToken);

    public Task<IReadOnlyList<IPNetwork>> GetVpcIpv6CidrBlocksAsync(string mac, CancellationToken cancellationToken) => NetworksAsync(MacPath(mac, "vpc-ipv6-cidr-blocks"), cancellationToken);

    public Task<IReadOnlyList<IPAddress>> GetLocalIpv4sAsync(string mac, CancellationToken cancellationToken) => AddressesAsync(MacPath(mac, "local-ipv4s"), cancellationToken);

    public Task<IReadOnlyList<IPNetwork>> GetIpv4PrefixesAsync(string mac, CancellationToken cancellationToken) => NetworksAsync(MacPath(mac, "ipv4-prefix"), cancellationToken);

    public Task<IReadOnlyList<IPAddress>> GetIpv6sAsync(string mac, CancellationToken cancellationToken) => AddressesAsync(MacPath(mac, "ipv6s"), cancellationToken);

    public Task<IReadOnlyList<IPNetwork>> GetIpv6PrefixesAsync(string mac, CancellationToken cancellationToken) => NetworksAsync(MacPath(mac, "ipv6-prefix"), cancellationToken);

    public Task<IReadOnlyList<string>> GetSecurityGroupIdsAsync(string mac, CancellationToken cancellationToken) => ListAsync(MacPath(mac, "security-group-ids"), cancellationToken);

    public async Task<IReadOnlyList<ImdsNetworkInterface>> GetAttachedNetworkInterfacesAsync(CancellationToken cancellationToken)
    {
        var result = new List<ImdsNetworkInterface>();
        foreach (var mac in await GetMacsAsync(cancellationToken).ConfigureAwait(false))
        {
            var eni = await ReadInterfaceAsync(mac, cancellationToken).ConfigureAwait(false);
            if (eni is not null)
            {
                result.Add(eni);
            }
        }

        return [.. result.OrderBy(e => e.NetworkCard).ThenBy(e => e.DeviceNumber)];
    }

    public Task<string?> GetRawAsync(string relativePath, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(relativePath);
        if (relativePath.Contains("..", StringComparison.Ordinal) || relativePath.Contains('?', StringComparison.Ordinal) || relativePath.Contains('#', StringComparison.Ordinal))
        {
            throw new VpcCniException(VpcCniErrorCategory.InvalidArgument, ErrorIds.Imds.InvalidPath, $"IMDS path '{relativePath}' may not contain '..', '?' or '#'.");
        }

        return _transport.GetAsync("/latest/" + relativePath.TrimStart('/'), cancellationToken);
    }

    public void Dispose() => _transport.Dispose();

    private async Task<ImdsNetworkInterface?> ReadInterfaceAsync(string mac, CancellationToken cancellationToken)
    {
        // The key listing says what this ENI publishes (EFA-only ENIs have no local-ipv4s, single-card
        // types no network-card); reading only listed keys avoids a 404 per absent field.
        var keys = new HashSet<string>((await GetInterfaceKeysAsync(mac, cancellationToken).ConfigureAwait(false)).Select(k => k.TrimEnd('/')), StringComparer.Ordinal);
        var id = keys.Contains("interface-id") ? await GetInterfaceIdAsync(mac, cancellationToken).ConfigureAwait(false) : null;
        var device = keys.Contains("device-number") ? await GetDeviceNumberAsync(mac, cancellationToken).ConfigureAwait(false) : null;
        if (id is null || device is null)
        {
            ImdsLog.InterfaceIncomplete(_logger, mac, id is null ? "interface-id" : "device-number");
            return null;
        }

        return new ImdsNetworkInterface
        {
            NetworkInterfaceId = id,
            MacAddress = mac,
            DeviceNumber = device.Value,
            NetworkCard = keys.Contains("network-card") ? await GetNetworkCardAsync(mac, cancellationToken).ConfigureAwait(false) : 0,
            SubnetId = keys.Contains("subnet-id") ? await GetSubnetIdAsync(mac, cancellationToken).ConfigureAwait(false) : null,
            SubnetIpv4Cidr = keys.Contains("subnet-ipv4-cidr-block") ? await GetSubnetIpv4CidrBlockAsync(mac, cancellationToken).ConfigureAwait(false) : null,
            HasNoIpv4 = !keys.Contains("local-ipv4s"),
            Ipv4Addresses = keys.Contains("local-ipv4s") ? await GetLocalIpv4sAsync(mac, cancellationToken).ConfigureAwait(false) : [],
            Ipv4Prefixes = keys.Contains("ipv4-prefix") ? await GetIpv4PrefixesAsync(mac, cancellationToken).ConfigureAwait(false) : [],
            Ipv6Addresses = keys.Contains("ipv6s") ? await GetIpv6sAsync(mac, cancellationToken).ConfigureAwait(false) : [],
            Ipv6Prefixes = keys.Contains("ipv6-prefix") ? await GetIpv6PrefixesAsync(mac, cancellationToken).ConfigureAwait(false) : [],
        };
    }

    private async Task<string?> ScalarAsync(string path, CancellationToken cancellationToken)
    {
        var body = await _transport.GetAsync(path, cancellationToken).ConfigureAwait(false);
        var value = body?.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }

    private async Task<IReadOnlyList<string>> ListAsync(string path, CancellationToken cancellationToken)
    {
        var body = await _transport.GetAsync(path, cancellationToken).ConfigureAwait(false);
        return body is null ? [] : [.. body.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
    }

    private async Task<IReadOnlyList<IPAddress>> AddressesAsync(string path, CancellationToken cancellationToken) =>
        [.. (await ListAsync(path, cancellationToken).ConfigureAwait(false)).Select(text => ParseAddressOrNull(path, text)!)];

    private async Task<IReadOnlyList<IPNetwork>> NetworksAsync(string path, CancellationToken cancellationToken) =>
        [.. (await ListAsync(path, cancellationToken).ConfigureAwait(false)).Select(text => ParseNetwork(path, text))];

    private static string MacPath(string mac, string key)
    {
        ArgumentNullException.ThrowIfNull(mac);
        if (!MacPattern().IsMatch(mac))
        {
            throw new VpcCniException(VpcCniErrorCategory.InvalidArgument, ErrorIds.Imds.InvalidMacAddress, $"'{mac}' is not a MAC address of the form 02:1a:2b:3c:4d:5e.");
        }

        return MacsPath + mac.ToLowerInvariant() + "/" + key;
    }

    private static IPAddress? ParseAddressOrNull(string path, string? text) =>
        text is null ? null : IPAddress.TryParse(text, out var address) ? address : throw Malformed(path, "IP address");

    private static IPNetwork ParseNetwork(string path, string text) =>
        IPNetwork.TryParse(text, out var network) ? network : throw Malformed(path, "CIDR");

    private static int? ParseIntOrNull(string path, string? text) =>
        text is null ? null : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : throw Malformed(path, "number");

    private static InstanceMetadataException Malformed(string path, string what, Exception? inner = null) =>
        new(VpcCniErrorCategory.Internal, ErrorIds.Imds.MalformedValue, $"IMDS {path} did not hold a valid {what}.", path, HttpStatusCode.OK, inner);

    [GeneratedRegex("^[0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){5}$", RegexOptions.CultureInvariant)]
    private static partial Regex MacPattern();
}
