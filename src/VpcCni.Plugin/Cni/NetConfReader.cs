using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using VpcCni.Engine.Configuration;
using VpcCni.Engine.Errors;
using VpcCni.Engine.Rpc;

namespace VpcCni.Plugin.Cni;

/// <summary>
/// Decodes and validates the network configuration, in the order containernetworking/cni pkg/skel
/// checks it: JSON (code 6), the network name (7), the version (1), then the plugin's own keys (7).
/// </summary>
public static class NetConfReader
{
    /// <summary>A configuration without <c>cniVersion</c> is 0.1.0 (CNI spec, "Version considerations").</summary>
    private const string ImplicitVersion = "0.1.0";

    public static NetConf Read(ReadOnlySpan<byte> json, CniCommand command)
    {
        var document = Decode(json);
        var name = document.Name ?? string.Empty;
        if (name.Length == 0 || !CniEnvironment.NameFormat().IsMatch(name))
        {
            throw Invalid(name.Length == 0 ? "The network configuration has no name." : $"Network name '{name}' has invalid characters.");
        }

        var version = document.CniVersion is { Length: > 0 } v ? v : ImplicitVersion;
        if (!CniVersions.IsSupported(version))
        {
            throw new CniException(CniErrorCodes.IncompatibleVersion, ErrorIds.Plugin.UnsupportedVersion, $"CNI version {version} is not supported; this plugin speaks {string.Join(", ", CniVersions.Supported)}.");
        }

        if (!CniVersions.AtLeast(version, CniVersions.MinimumFor(command)))
        {
            throw new CniException(CniErrorCodes.IncompatibleVersion, ErrorIds.Plugin.UnsupportedVersion, $"{CniVariables.NameOf(command)} needs CNI version {CniVersions.MinimumFor(command)} or later; the configuration is {version}.");
        }

        var vethPrefix = document.VethPrefix ?? "eni";
        if (vethPrefix.Length is 0 or > 4 || CniEnvironment.InterfaceNameProblem(vethPrefix) is not null)
        {
            throw Invalid($"vethPrefix '{vethPrefix}' must be 1–4 characters without '/', ':' or whitespace.");
        }

        return new NetConf(
            version,
            name,
            vethPrefix,
            ParseMtu(document.Mtu),
            ParseMode(document.PodSgEnforcingMode),
            LogFile(document.PluginLogFile),
            ParseLevel(document.PluginLogLevel),
            Socket("ipamSocket", document.IpamSocket, UnixSocketChannel.DefaultIpamSocketPath),
            Socket("networkPolicySocket", document.NetworkPolicySocket, NetConf.DefaultNetworkPolicySocket),
            Introspection(document.IntrospectionAddress),
            document.RuntimeConfig?.PodAnnotations ?? new Dictionary<string, string>(),
            document.PrevResult,
            document.Attachments ?? document.ValidAttachments);
    }

    /// <summary>The configuration's version when it is one the plugin speaks, for the error JSON; else the newest.</summary>
    public static string VersionForErrors(ReadOnlySpan<byte> json)
    {
        try
        {
            return CniJsonReader.ReadNetConf(json).CniVersion is { } v && CniVersions.IsSupported(v) ? v : CniVersions.Latest;
        }
        catch (JsonException)
        {
            return CniVersions.Latest;
        }
    }

    private static NetConfDocument Decode(ReadOnlySpan<byte> json)
    {
        try
        {
            return CniJsonReader.ReadNetConf(json);
        }
        catch (JsonException e)
        {
            throw new CniException(CniErrorCodes.DecodingFailure, ErrorIds.Plugin.ConfigUndecodable, $"The network configuration on stdin could not be decoded: {e.Message}", e);
        }
    }

    private static int ParseMtu(string? mtu)
    {
        if (mtu is null)
        {
            return 9001;
        }

        return int.TryParse(mtu, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Invalid($"mtu '{mtu}' is not a whole number.");
    }

    private static PodSecurityGroupEnforcingMode ParseMode(string? mode) => mode?.ToUpperInvariant() switch
    {
        null or "" or "STRICT" => PodSecurityGroupEnforcingMode.Strict,
        "STANDARD" => PodSecurityGroupEnforcingMode.Standard,
        _ => throw Invalid($"podSGEnforcingMode '{mode}' must be strict or standard."),
    };

    /// <summary>Upstream's level names (its <c>pkg/utils/logger</c>); anything else logs everything, as upstream's does.</summary>
    private static LogLevel ParseLevel(string? level) => level?.ToUpperInvariant() switch
    {
        "INFO" => LogLevel.Information,
        "WARN" or "WARNING" => LogLevel.Warning,
        "ERROR" => LogLevel.Error,
        "FATAL" => LogLevel.Critical,
        _ => LogLevel.Debug,
    };

    /// <summary>stdout carries only the result, so upstream's <c>stdout</c> log destination goes to stderr.</summary>
    private static string LogFile(string? file) => file switch
    {
        null or "" => NetConf.DefaultLogFile,
        "stderr" or "stdout" => NetConf.StderrLog,
        { } path when Path.IsPathFullyQualified(path) => path,
        _ => throw Invalid($"pluginLogFile '{file}' must be an absolute path or stderr."),
    };

    private static string Socket(string key, string? value, string fallback) => value switch
    {
        null or "" => fallback,
        { } path when Path.IsPathFullyQualified(path) => path,
        _ => throw Invalid($"{key} '{value}' must be an absolute path."),
    };

    /// <summary><c>host:port</c> or <c>unix:/absolute/path</c>, the forms of <c>INTROSPECTION_BIND_ADDRESS</c> a client can dial.</summary>
    private static string Introspection(string? address) => address switch
    {
        null or "" => NetConf.DefaultIntrospectionAddress,
        { } unix when unix.StartsWith("unix:", StringComparison.Ordinal) && Path.IsPathFullyQualified(unix[5..]) => unix,
        { } tcp when tcp.Contains(':', StringComparison.Ordinal) && Uri.TryCreate("http://" + tcp, UriKind.Absolute, out var uri) && uri.Port > 0 => tcp,
        _ => throw Invalid($"introspectionAddress '{address}' must be host:port or unix:/absolute/path."),
    };

    private static CniException Invalid(string message) => new(CniErrorCodes.InvalidNetworkConfig, ErrorIds.Plugin.InvalidConfig, message);
}
