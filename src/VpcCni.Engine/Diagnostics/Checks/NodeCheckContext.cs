using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Microsoft.Extensions.Logging.Abstractions;
using VpcCni.Engine.Aws;
using VpcCni.Engine.Errors;
using VpcCni.Engine.Introspection;
using VpcCni.Engine.Linux;
using VpcCni.Engine.Linux.PacketFilter;

namespace VpcCni.Engine.Diagnostics.Checks;

/// <summary>
/// The sources the checks read, each opened on first use and each read once per run (the checks
/// share one <c>/v1/enis</c>, one IMDS identity, one EC2 client). Disposing closes them.
/// </summary>
public sealed class NodeCheckContext : IDisposable
{
    private readonly IntrospectionClient _introspection;
    private readonly HttpClient? _imdsHttp;
    private readonly Dictionary<string, Task> _memo = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly Func<CancellationToken, Task<IEc2Api>> _ec2Factory;
    private IDisposable? _ec2Client;

    /// <summary>A context over the given sources (tests pass the simulator's EC2 and IMDS here).</summary>
    public NodeCheckContext(NodeCheckOptions options, IInstanceMetadata imds, Func<CancellationToken, Task<IEc2Api>> ec2, INetNs? netNs = null, ISysctl? sysctl = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        Imds = imds ?? throw new ArgumentNullException(nameof(imds));
        _ec2Factory = ec2 ?? throw new ArgumentNullException(nameof(ec2));
        _introspection = new IntrospectionClient(options.IntrospectionEndpoint, options.Timeout);
        NetNs = netNs ?? new NetNs();
        Sysctl = sysctl ?? new ProcSysctl();
    }

    private NodeCheckContext(NodeCheckOptions options, HttpClient imdsHttp)
        : this(options, OpenImds(options, imdsHttp), _ => throw new InvalidOperationException())
    {
        _imdsHttp = imdsHttp;
        _ec2Factory = OpenEc2Async;
    }

    public NodeCheckOptions Options { get; }

    public IInstanceMetadata Imds { get; }

    public INetNs NetNs { get; }

    public ISysctl Sysctl { get; }

    /// <summary>The path of the namespace the kernel checks read; null for the caller's own.</summary>
    public string? NamespacePath => Options.NetworkNamespace is not { Length: > 0 } ns ? null
        : ns.Contains('/', StringComparison.Ordinal) ? ns : NetNs.PathOf(ns);

    /// <summary>A context that opens the real sources of <paramref name="options"/> (the SDK's credential chain, or its named profile).</summary>
    public static NodeCheckContext Open(NodeCheckOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        IntrospectionEndpoint.Parse(options.IntrospectionEndpoint);
        return new NodeCheckContext(options, new HttpClient { Timeout = Timeout.InfiniteTimeSpan });
    }

    public Task<IReadOnlyList<NodeEniInfo>> EnisAsync(CancellationToken cancellationToken) =>
        Once("enis", () => _introspection.GetEnisAsync(includeAddresses: true, cancellationToken));

    public Task<IReadOnlyList<NodePodAllocation>> PodsAsync(CancellationToken cancellationToken) =>
        Once("pods", () => _introspection.GetPodsAsync(cancellationToken));

    public Task<IReadOnlyList<NodeSetting>> SettingsAsync(CancellationToken cancellationToken) =>
        Once("settings", () => _introspection.GetSettingsAsync(cancellationToken));

    public Task<IntrospectionReadiness> ReadinessAsync(CancellationToken cancellationToken) =>
        Once("readiness", () => _introspection.GetReadinessAsync(cancellationToken));

    /// <summary>The introspection client itself, for a read the context does not share (<c>/healthz</c>).</summary>
    public IntrospectionClient Introspection => _introspection;

    /// <summary>One setting's value as text (lists joined by commas), or null when the node does not report it.</summary>
    public async Task<string?> SettingAsync(string name, CancellationToken cancellationToken)
    {
        var found = (await SettingsAsync(cancellationToken).ConfigureAwait(false)).FirstOrDefault(s => s.Name == name);
        return found?.Value switch
        {
            null => null,
            IEnumerable<object?> list when found.Value is not string => string.Join(",", list),
            var value => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    public Task<IEc2Api> Ec2Async(CancellationToken cancellationToken) => Once("ec2", () => _ec2Factory(cancellationToken));

    /// <summary>The instance as instance metadata names it: id, type and primary MAC.</summary>
    public Task<(string InstanceId, string InstanceType, string PrimaryMac)> IdentityAsync(CancellationToken cancellationToken) =>
        Once("identity", async () => (
            await Imds.GetInstanceIdAsync(cancellationToken).ConfigureAwait(false) ?? throw Missing("instance-id"),
            await Imds.GetInstanceTypeAsync(cancellationToken).ConfigureAwait(false) ?? throw Missing("instance-type"),
            await Imds.GetPrimaryMacAsync(cancellationToken).ConfigureAwait(false) ?? throw Missing("mac")));

    /// <summary>Runs <paramref name="read"/> against rtnetlink in the checked namespace.</summary>
    public T InNamespace<T>(Func<INetlink, T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        if (NamespacePath is not { } path)
        {
            using var netlink = RtNetlink.Open();
            return read(netlink);
        }

        return NetNs.Run(path, () =>
        {
            using var netlink = RtNetlink.Open();
            return read(netlink);
        });
    }

    /// <summary>Reads a sysctl (<c>net/ipv4/conf/eth0/rp_filter</c>) in the checked namespace.</summary>
    public string ReadSysctl(string key) => NamespacePath is { } path ? NetNs.Run(path, () => Sysctl.Read(key)) : Sysctl.Read(key);

    /// <summary>The tools runner for the checked namespace (iptables-save, nft run there through <c>ip netns exec</c>'s mechanism).</summary>
    public CommandRunner Commands() => new(NamespacePath);

    public void Dispose()
    {
        _introspection.Dispose();
        _ec2Client?.Dispose();
        (Imds as IDisposable)?.Dispose();
        _imdsHttp?.Dispose();
    }

    private Task<T> Once<T>(string key, Func<Task<T>> read)
    {
        lock (_gate)
        {
            if (!_memo.TryGetValue(key, out var task))
            {
                task = read();
                _memo[key] = task;
            }

            return (Task<T>)task;
        }
    }

    private static ImdsInstanceMetadata OpenImds(NodeCheckOptions options, HttpClient http) =>
        new(http, Microsoft.Extensions.Options.Options.Create(new InstanceMetadataOptions
        {
            Endpoint = options.ImdsEndpoint,
            MaxAttempts = 2,
            AttemptTimeoutMilliseconds = (int)Math.Min(options.Timeout.TotalMilliseconds, 5_000),
        }), TimeProvider.System, NullLogger<ImdsInstanceMetadata>.Instance);

    private async Task<IEc2Api> OpenEc2Async(CancellationToken cancellationToken)
    {
        var ec2Options = new Ec2ClientOptions { Endpoint = Options.Ec2Endpoint, Region = Options.Region, MaxErrorRetry = 1 };
        var region = await Ec2ClientFactory.ResolveRegionAsync(ec2Options, Imds, cancellationToken).ConfigureAwait(false);
        var client = Ec2ClientFactory.CreateClient(ec2Options, region, Credentials());
        _ec2Client = client;
        return new SdkEc2Api(client, NullLogger<SdkEc2Api>.Instance, TimeProvider.System);
    }

    private AWSCredentials? Credentials()
    {
        if (Options.ProfileName is not { Length: > 0 } profile)
        {
            return null;
        }

        return new CredentialProfileStoreChain().TryGetAWSCredentials(profile, out var credentials)
            ? credentials
            : throw new VpcCniException(VpcCniErrorCategory.InvalidArgument, ErrorIds.NodeCheck.InvalidOptions, $"No AWS profile named '{profile}' in the shared config or credentials file.");
    }

    private static VpcCniException Missing(string what) =>
        new(VpcCniErrorCategory.ResourceUnavailable, ErrorIds.Imds.Unavailable, $"Instance metadata has no {what}.");
}
