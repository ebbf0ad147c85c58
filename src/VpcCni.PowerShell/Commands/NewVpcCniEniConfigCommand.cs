using System.Collections;
using System.Management.Automation;
using VpcCni.Engine.Errors;
using VpcCni.Engine.Ipam.Placement;
using VpcCni.Engine.Manifests;

namespace VpcCni.PowerShell.Commands;

/// <summary>
/// Creates one ENIConfig per availability zone, named after the zone, from a map of zone to subnet:
/// in the cluster, or as a YAML manifest with <c>-OutputPath</c>.
/// </summary>
[Cmdlet(VerbsCommon.New, "VpcCniEniConfig", SupportsShouldProcess = true, DefaultParameterSetName = ClusterSet)]
[OutputType(typeof(EniConfig))]
public sealed class NewVpcCniEniConfigCommand : VpcCniClusterOrFileCmdlet
{
    private const string FileSet = "File";

    /// <summary>Zone to subnet, e.g. <c>@{'us-west-2a'='subnet-0123456789abcdef0'}</c>; each zone names one ENIConfig.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [ValidateNotNull]
    public Hashtable SubnetMap { get; set; } = [];

    /// <summary>The security groups of the new ENIs; none means the primary ENI's groups.</summary>
    [Parameter(Position = 1)]
    [ValidateNotNull]
    public string[] SecurityGroupId { get; set; } = [];

    /// <summary>Write the ENIConfigs to this YAML file instead of creating them.</summary>
    [Parameter(Mandatory = true, ParameterSetName = FileSet)]
    [ValidateNotNullOrEmpty]
    public string OutputPath { get; set; } = string.Empty;

    protected override void ProcessRecord()
    {
        var map = SubnetMap.Cast<DictionaryEntry>().ToDictionary(e => e.Key.ToString() ?? string.Empty, e => e.Value?.ToString() ?? string.Empty, StringComparer.Ordinal);
        var configs = Offline(() => EniConfigsPerZone.Build(map, SecurityGroupId), SubnetMap);
        if (configs is null)
        {
            return;
        }

        if (ParameterSetName == FileSet)
        {
            Write(configs);
            return;
        }

        foreach (var config in configs)
        {
            if (ShouldProcess($"ENIConfig {config.Name} (subnet {config.Subnet}, groups {string.Join(',', config.SecurityGroups)})", "Create"))
            {
                var created = Cluster(() => EniConfigCluster.Connect(ResolveKubeconfig(Kubeconfig), Context),
                    (client, ct) => new EniConfigCluster(client).CreateAsync(config, ct), $"Creating ENIConfig {config.Name}", config);
                if (created is not null)
                {
                    WriteObject(created);
                }
            }
        }
    }

    private void Write(IReadOnlyList<EniConfig> configs)
    {
        var path = GetUnresolvedProviderPathFromPSPath(OutputPath);
        if (!ShouldProcess(path, $"Write {configs.Count} ENIConfig(s)"))
        {
            return;
        }

        try
        {
            File.WriteAllText(path, EniConfigManifestWriter.ToYaml(configs));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            ReportError(new VpcCniException(VpcCniErrorCategory.ResourceUnavailable, ErrorIds.EniConfig.OutputFailed, $"Could not write {path}: {ex.Message}", ex), path);
            return;
        }

        WriteObject(configs, enumerateCollection: true);
    }
}
