using System.Management.Automation;
using VpcCni.Engine.Ipam.Placement;
using VpcCni.Engine.Manifests;

namespace VpcCni.PowerShell.Commands;

/// <summary>Gets ENIConfigs (custom networking: where a node's new ENIs go), from the cluster or from manifest files.</summary>
[Cmdlet(VerbsCommon.Get, "VpcCniEniConfig", DefaultParameterSetName = ClusterSet)]
[OutputType(typeof(EniConfig))]
public sealed class GetVpcCniEniConfigCommand : VpcCniClusterOrFileCmdlet
{
    private const string PathSet = "Path";

    /// <summary>Names to keep; wildcards allowed.</summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Name { get; set; }

    /// <summary>Manifest files or directories to read instead of a cluster.</summary>
    [Parameter(Mandatory = true, ParameterSetName = PathSet)]
    [ValidateNotNullOrEmpty]
    public string[] Path { get; set; } = [];

    protected override void ProcessRecord()
    {
        var configs = ParameterSetName == PathSet
            ? Offline(() => EniConfigManifestReader.ReadPaths(Path.Select(GetUnresolvedProviderPathFromPSPath)), Path)
            : Cluster(() => EniConfigCluster.Connect(ResolveKubeconfig(Kubeconfig), Context),
                (client, ct) => new EniConfigCluster(client).ListAsync(ct), "Listing ENIConfigs", Name);
        if (configs is null)
        {
            return;
        }

        foreach (var config in configs.Where(c => Name is null || Name.Any(n => WildcardPattern.Get(n, WildcardOptions.IgnoreCase).IsMatch(c.Name))))
        {
            WriteObject(config);
        }

        foreach (var missing in (Name ?? []).Where(n => !WildcardPattern.ContainsWildcardCharacters(n) && !configs.Any(c => string.Equals(c.Name, n, StringComparison.OrdinalIgnoreCase))))
        {
            ReportError(new Engine.Errors.VpcCniException(Engine.Errors.VpcCniErrorCategory.NotFound, Engine.Errors.ErrorIds.EniConfig.NotFound,
                $"ENIConfig '{missing}' does not exist."), missing);
        }
    }
}
