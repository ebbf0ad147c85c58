using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VpcCni.Engine.Aws;
using VpcCni.Engine.Configuration;
using VpcCni.Engine.Ipam;
using VpcCni.Engine.Ipam.Checkpoint;
using VpcCni.Engine.Ipam.Execution;
using VpcCni.Engine.Ipam.Placement;
using VpcCni.Engine.Limits;
using VpcCni.Service.Hosting;

namespace VpcCni.Service.Node;

/// <summary>Network cards above 0 (instance types such as p4d, p5, trn1 have several).</summary>
internal sealed partial class NodeInitializer
{
    /// <summary>
    /// With <c>ENABLE_MULTI_NIC</c>, one pool per further card of the instance type, as upstream keeps one
    /// datastore per card: its own checkpoint (<c>ipam-nic-N.json</c>), the ENIs attached to that card
    /// with their addresses, host set-up with the card's route tables, and a provider that attaches new
    /// ENIs to that card. Without it, ENIs on other cards are left alone and take no slot of card 0.
    /// </summary>
    private async Task<IReadOnlyList<NodeCard>> InitializeOtherCardsAsync(
        IEc2Api ec2, IInstanceMetadata imds, IEniHostSetup host, InstanceTypeLimits limits, IReadOnlyList<DiscoveredEni> attached,
        IReadOnlySet<string> excludedSubnets, CancellationToken cancellationToken)
    {
        var settings = services.GetRequiredService<IOptionsMonitor<VpcCniSettings>>().CurrentValue;
        var cardIndexes = limits.NetworkCards.Select(c => c.Index).Where(i => i > 0 && limits.EniLimitOfCard(i) > 0).Order().ToArray();
        if (!settings.Ipam.EnableMultiNic || cardIndexes.Length == 0)
        {
            foreach (var eni in attached)
            {
                NodePlacementLog.CardNotManaged(logger, eni.Id, eni.Metadata.NetworkCard);
            }

            return [];
        }

        var stored = services.GetRequiredService<IOptions<DatastoreOptions>>().Value;
        var providerOptions = services.GetRequiredService<IOptions<EniProviderOptions>>().Value;
        var time = services.GetRequiredService<TimeProvider>();
        var loggers = services.GetRequiredService<ILoggerFactory>();
        var cards = new List<NodeCard>(cardIndexes.Length);
        foreach (var card in cardIndexes)
        {
            var datastore = new IpamDatastore(
                new JsonFileCheckpointStore(CheckpointPaths.ForNetworkCard(stored.CheckpointPath, card)), time,
                new IpamDatastoreSettings { NetworkCard = card, CooldownPeriod = stored.CooldownPeriod, PrefixDelegation = stored.PrefixDelegation },
                loggers.CreateLogger<IpamDatastore>());
            foreach (var eni in attached.Where(e => e.Metadata.NetworkCard == card && e.IsManaged))
            {
                var added = AddToDatastore(datastore, eni, excludedSubnets, logger);
                await host.SetupAsync(NetworkSpecOf(eni), cancellationToken).ConfigureAwait(false);
                NodeLog.EniAdded(logger, eni.Id, eni.Metadata.DeviceNumber, added, false, eni.IsTrunk, eni.IsEfa);
            }

            await datastore.RestoreAsync(null, cancellationToken).ConfigureAwait(false);
            var provider = new Ec2EniProvider(ec2, imds, host, Options.Create(providerOptions.ForNetworkCard(card)), time,
                loggers.CreateLogger<Ec2EniProvider>(), services.GetService<IEniConfigSource>());
            cards.Add(new NodeCard(card, datastore, new PoolActionExecutor(provider, datastore, loggers.CreateLogger<PoolActionExecutor>())));
            var (enis, eniLimit) = (datastore.Snapshot().Enis.Count, limits.EniLimitOfCard(card));
            NodePlacementLog.CardManaged(logger, card, enis, eniLimit);
        }

        return cards;
    }
}
