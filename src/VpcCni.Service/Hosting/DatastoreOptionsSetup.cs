using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VpcCni.Engine.Configuration;
using VpcCni.Engine.Ipam;
using N = VpcCni.Engine.Configuration.VpcCniVariableNames;

namespace VpcCni.Service.Hosting;

/// <summary>
/// Upstream's variables decide the datastore when they are given, whether or not the pool loop runs:
/// <c>ENABLE_PREFIX_DELEGATION</c> its mode, <c>IP_COOLDOWN_PERIOD</c> its cooldown, and
/// <c>AWS_VPC_K8S_CNI_BACKING_STORE</c> (upstream <c>pkg/ipamd/ipamd.go</c>, <c>dsBackingStorePath</c>)
/// its checkpoint file unless <c>Datastore:CheckpointPath</c> is configured. docs/configuration.md lists them.
/// </summary>
internal sealed class DatastoreOptionsSetup(IConfiguration configuration, IOptionsMonitor<VpcCniSettings> settings)
    : IPostConfigureOptions<DatastoreOptions>
{
    /// <summary>
    /// <c>IP_COOLDOWN_PERIOD</c> is a live setting: when a reload changes it, the running datastore takes
    /// the new period (the mode and the checkpoint path still need a restart, as upstream's do).
    /// </summary>
    public static void FollowLiveCooldown(IServiceProvider provider, IpamDatastore datastore)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(datastore);

        // The settings are bound only when the node reads them; a host without the loop still follows them.
        var monitor = provider.GetService<IOptionsMonitor<VpcCniSettings>>();
        monitor?.OnChange(current =>
        {
            if (current.SourceOf(N.IpCooldownPeriod) != ConfigurationSource.Default)
            {
                datastore.SetCooldownPeriod(current.Ipam.IpCooldownPeriod);
            }
        });
    }

    public void PostConfigure(string? name, DatastoreOptions options)
    {
        var current = settings.CurrentValue;
        if (current.SourceOf(N.EnablePrefixDelegation) != ConfigurationSource.Default)
        {
            options.PrefixDelegation = current.Ipam.EnablePrefixDelegation;
        }

        if (current.SourceOf(N.IpCooldownPeriod) != ConfigurationSource.Default)
        {
            options.CooldownPeriod = current.Ipam.IpCooldownPeriod;
        }

        if (configuration[$"{DatastoreOptions.SectionName}:{nameof(DatastoreOptions.CheckpointPath)}"] is null
            && current.SourceOf(N.BackingStore) != ConfigurationSource.Default)
        {
            options.CheckpointPath = current.Ipam.BackingStorePath;
        }
    }
}
