using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using VpcCni.Engine.Configuration;
using N = VpcCni.Engine.Configuration.VpcCniVariableNames;

namespace VpcCni.Service.Cni;

/// <summary>
/// Upstream's <c>HOST_CNI_CONFDIR_PATH</c> (upstream <c>cmd/aws-vpc-cni/main.go</c>) names the directory
/// unless <c>CniConfig:Directory</c> is configured, as <c>AWS_VPC_K8S_CNI_BACKING_STORE</c> names the
/// checkpoint unless <c>Datastore:CheckpointPath</c> is; and it records whether either chose it.
/// </summary>
internal sealed class CniConfigOptionsSetup(IConfiguration configuration, IOptionsMonitor<VpcCniSettings> settings)
    : IPostConfigureOptions<CniConfigOptions>
{
    public void PostConfigure(string? name, CniConfigOptions options)
    {
        if (configuration[$"{CniConfigOptions.SectionName}:{nameof(CniConfigOptions.Directory)}"] is not null)
        {
            options.DirectoryConfigured = true;
            return;
        }

        var current = settings.CurrentValue;
        if (current.SourceOf(N.HostCniConfDirPath) != ConfigurationSource.Default)
        {
            options.Directory = current.Paths.HostCniConfDirPath;
            options.DirectoryConfigured = true;
        }
    }
}
