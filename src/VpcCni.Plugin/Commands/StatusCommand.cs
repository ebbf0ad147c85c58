using Grpc.Core;
using Grpc.Health.V1;
using VpcCni.Engine.Errors;
using VpcCni.Engine.Rpc;
using VpcCni.Plugin.Cni;
using VpcCni.Plugin.Logging;

namespace VpcCni.Plugin.Commands;

/// <summary>
/// STATUS (CNI spec, "STATUS"): the plugin can serve ADD when the node service answers SERVING for
/// its health-service name on the IPAM socket (grpc.io, "GRPC Health Checking Protocol"); otherwise
/// code 50, plugin not available.
/// </summary>
internal sealed class StatusCommand(CommandContext context)
{
    /// <summary>The name the service registers (docs/service.md, "Services on the socket").</summary>
    public const string HealthServiceName = "grpc.health.v1.aws-node";

    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(2);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        string status;
        try
        {
            using var channel = UnixSocketChannel.Create(context.Conf.IpamSocket);
            var client = new Health.HealthClient(channel);
            var reply = await client.CheckAsync(
                new HealthCheckRequest { Service = HealthServiceName },
                deadline: context.Host.Time.GetUtcNow().UtcDateTime + Deadline,
                cancellationToken: cancellationToken).ConfigureAwait(false);
            status = reply.Status.ToString();
            PluginLog.StatusAnswered(context.Logger, status);
            if (reply.Status == HealthCheckResponse.Types.ServingStatus.Serving)
            {
                return;
            }
        }
        catch (RpcException e)
        {
            status = $"{e.StatusCode}: {e.Status.Detail}";
            PluginLog.StatusAnswered(context.Logger, status);
        }

        throw new CniException(CniErrorCodes.PluginNotAvailable, ErrorIds.Plugin.NotReady, $"The node service on {context.Conf.IpamSocket} is not serving ({status}).");
    }
}
