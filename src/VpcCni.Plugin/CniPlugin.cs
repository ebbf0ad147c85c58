using Microsoft.Extensions.Logging;
using VpcCni.Engine.Errors;
using VpcCni.Plugin.Cni;
using VpcCni.Plugin.Commands;
using VpcCni.Plugin.Logging;

namespace VpcCni.Plugin;

/// <summary>
/// The dispatcher (CNI spec, "Execution protocol"): reads CNI_COMMAND and the variables it needs, the
/// configuration on stdin, checks the version, runs the command, and prints exactly one thing on
/// stdout: the result, the version list, nothing, or the error JSON. Returns the exit code.
/// </summary>
public static class CniPlugin
{
    public static async Task<int> RunAsync(CniInvocation invocation, PluginHost host, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        ArgumentNullException.ThrowIfNull(host);
        byte[] stdin = [];
        try
        {
            var command = CniVariables.Parse(invocation.Environment.GetValueOrDefault(CniVariables.Command))
                ?? throw new CniException(CniErrorCodes.InvalidEnvironment, ErrorIds.Plugin.MissingEnvironment, $"CNI_COMMAND '{invocation.Environment.GetValueOrDefault(CniVariables.Command)}' is not one of ADD, DEL, CHECK, STATUS, GC, VERSION.");
            if (command == CniCommand.Version)
            {
                Write(invocation.Stdout, new CniVersionInfo(CniVersions.Latest, CniVersions.Supported));
                return 0;
            }

            // Read first, so that an error about the environment still speaks the configuration's version.
            stdin = ReadAll(invocation.Stdin, cancellationToken);
            var environment = CniEnvironment.Read(command, invocation.Environment);
            var conf = NetConfReader.Read(stdin, command);
            var pod = KubernetesArgs.Parse(environment.Args);
            using var provider = new PluginLoggerProvider(PluginLogSink.Open(conf.LogFile, invocation.Stderr), conf.LogLevel, host.Time);
            using var loggers = new LoggerFactory([provider], new LoggerFilterOptions { MinLevel = conf.LogLevel });
            var context = new CommandContext(environment, conf, pod, host, loggers);
            return await RunCommandAsync(context, invocation.Stdout, cancellationToken).ConfigureAwait(false);
        }
        catch (CniException e)
        {
            return Fail(invocation.Stdout, stdin, e.Code, e.Message, e.ErrorId);
        }
    }

    private static async Task<int> RunCommandAsync(CommandContext context, TextWriter stdout, CancellationToken cancellationToken)
    {
        var name = CniVariables.NameOf(context.Env.Command);
        PluginLog.CommandReceived(context.Logger, name, context.Env.ContainerId, context.Pod.PodNamespace, context.Pod.PodName, context.Env.Netns, context.Env.IfName, context.Conf.Name);
        try
        {
            switch (context.Env.Command)
            {
                case CniCommand.Add:
                    var result = await new AddCommand(context).RunAsync(cancellationToken).ConfigureAwait(false);
                    Write(stdout, result);
                    break;
                case CniCommand.Del:
                    await new DelCommand(context).RunAsync(cancellationToken).ConfigureAwait(false);
                    break;
                case CniCommand.Check:
                    await new CheckCommand(context).RunAsync(cancellationToken).ConfigureAwait(false);
                    break;
                case CniCommand.Status:
                    await new StatusCommand(context).RunAsync(cancellationToken).ConfigureAwait(false);
                    break;
                case CniCommand.Gc:
                    await new GcCommand(context).RunAsync(cancellationToken).ConfigureAwait(false);
                    break;
            }

            PluginLog.CommandDone(context.Logger, name);
            return 0;
        }
        catch (Exception e)
        {
            // The runtime reads only stdout: every failure, expected or not, becomes the error JSON.
            var (code, errorId) = e is CniException cni ? (cni.Code, cni.ErrorId) : Classify(e);
            PluginLog.CommandFailed(context.Logger, e, name, code, errorId, e.Message);
            return Fail(stdout, context.Conf.CniVersion, code, e.Message, errorId);
        }
    }

    /// <summary>An engine failure outside the plugin's own errors: a namespace that vanished is an unknown container; the rest is internal.</summary>
    private static (int Code, string ErrorId) Classify(Exception e) => e switch
    {
        VpcCniException { Category: VpcCniErrorCategory.NotFound } v => (CniErrorCodes.UnknownContainer, v.ErrorId),
        VpcCniException { Category: VpcCniErrorCategory.ResourceUnavailable or VpcCniErrorCategory.Timeout } v => (CniErrorCodes.TryAgainLater, v.ErrorId),
        VpcCniException v => (CniErrorCodes.Internal, v.ErrorId),
        IOException => (CniErrorCodes.IoFailure, ErrorIds.Plugin.Internal),
        _ => (CniErrorCodes.Internal, ErrorIds.Plugin.Internal),
    };

    private static int Fail(TextWriter stdout, byte[] stdin, int code, string message, string errorId) =>
        Fail(stdout, NetConfReader.VersionForErrors(stdin), code, message, errorId);

    private static int Fail(TextWriter stdout, string version, int code, string message, string errorId)
    {
        Write(stdout, new CniError(version, code, message, errorId));
        return 1;
    }

    /// <summary>
    /// Reads stdin to its end synchronously: the configuration is a few hundred bytes the runtime has
    /// already written, and an asynchronous read of a pipe starts thread-pool workers for nothing.
    /// </summary>
    private static byte[] ReadAll(Stream stdin, CancellationToken cancellationToken)
    {
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var buffer = new MemoryStream();
            stdin.CopyTo(buffer);
            return buffer.ToArray();
        }
        catch (IOException e)
        {
            throw new CniException(CniErrorCodes.IoFailure, ErrorIds.Plugin.StdinUnreadable, $"Reading the network configuration from stdin failed: {e.Message}", e);
        }
    }

    private static void Write(TextWriter stdout, CniResult result) => stdout.WriteLine(CniJsonWriter.Write(result));

    private static void Write(TextWriter stdout, CniError error) => stdout.WriteLine(CniJsonWriter.Write(error));

    private static void Write(TextWriter stdout, CniVersionInfo info) => stdout.WriteLine(CniJsonWriter.Write(info));
}
