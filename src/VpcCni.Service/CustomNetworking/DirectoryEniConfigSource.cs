using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VpcCni.Engine.Errors;
using VpcCni.Engine.Ipam.Placement;
using VpcCni.Engine.Manifests;

namespace VpcCni.Service.CustomNetworking;

/// <summary>
/// <see cref="IEniConfigSource"/> over a directory of ENIConfig manifests and the node's labels and
/// annotations from configuration (<see cref="LocalEniConfigOptions"/>). Every call reads the directory
/// again, so adding or editing a manifest applies to the next ENI without a restart, as an edit of the
/// cluster's ENIConfig does upstream. A manifest that cannot be read is logged and skipped; when two
/// define the same name, the first file in ordinal order wins.
/// </summary>
internal sealed class DirectoryEniConfigSource(IOptionsMonitor<LocalEniConfigOptions> options, ILogger<DirectoryEniConfigSource> logger) : IEniConfigSource
{
    private static readonly string[] Extensions = [".yaml", ".yml", ".json"];

    public async Task<EniConfig?> GetAsync(string name, CancellationToken cancellationToken) =>
        (await ListAsync(cancellationToken).ConfigureAwait(false)).FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.Ordinal));

    public async Task<IReadOnlyList<EniConfig>> ListAsync(CancellationToken cancellationToken)
    {
        var directory = options.CurrentValue.Directory;
        if (!Directory.Exists(directory))
        {
            return [];
        }

        var files = Directory.EnumerateFiles(directory)
            .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal);
        var found = new Dictionary<string, EniConfig>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            try
            {
                var text = await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false);
                foreach (var config in EniConfigManifestReader.Read(text, file))
                {
                    if (!found.TryAdd(config.Name, config))
                    {
                        EniConfigLog.DuplicateName(logger, config.Name, file);
                    }
                }
            }
            catch (VpcCniException ex)
            {
                EniConfigLog.ManifestSkipped(logger, file, ex.ErrorId, ex.Message);
            }
            catch (IOException ex)
            {
                EniConfigLog.ManifestSkipped(logger, file, ErrorIds.CustomNetworking.InvalidEniConfig, ex.Message);
            }
            catch (UnauthorizedAccessException ex)
            {
                EniConfigLog.ManifestSkipped(logger, file, ErrorIds.CustomNetworking.InvalidEniConfig, ex.Message);
            }
        }

        return [.. found.Values.OrderBy(c => c.Name, StringComparer.Ordinal)];
    }

    public Task<NodeObjectMetadata> GetNodeAsync(CancellationToken cancellationToken)
    {
        var current = options.CurrentValue;
        return Task.FromResult(new NodeObjectMetadata(
            new Dictionary<string, string>(current.NodeLabels, StringComparer.Ordinal),
            new Dictionary<string, string>(current.NodeAnnotations, StringComparer.Ordinal)));
    }
}
