using VpcCni.Engine.Ipam.Placement;

namespace VpcCni.Engine.Tests.Ipam.Placement;

/// <summary>A stand-in for the cluster: ENIConfigs and the node's metadata that a test can change while it runs.</summary>
internal sealed class InMemoryEniConfigSource(NodeObjectMetadata node, params EniConfig[] configs) : IEniConfigSource
{
    private readonly Dictionary<string, EniConfig> _configs = configs.ToDictionary(c => c.Name, StringComparer.Ordinal);

    public NodeObjectMetadata Node { get; set; } = node;

    public int Reads { get; private set; }

    public void Put(EniConfig config) => _configs[config.Name] = config;

    public Task<EniConfig?> GetAsync(string name, CancellationToken cancellationToken)
    {
        Reads++;
        return Task.FromResult(_configs.GetValueOrDefault(name));
    }

    public Task<IReadOnlyList<EniConfig>> ListAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<EniConfig>>([.. _configs.Values]);

    public Task<NodeObjectMetadata> GetNodeAsync(CancellationToken cancellationToken) => Task.FromResult(Node);
}
