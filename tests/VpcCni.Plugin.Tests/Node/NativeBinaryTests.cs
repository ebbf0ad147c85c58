using System.Diagnostics;
using VpcCni.Plugin.Tests.Support;

namespace VpcCni.Plugin.Tests.Node;

/// <summary>The published Native AOT <c>vpc-cni</c>, executed as a runtime executes it (inside the node's namespace), against the real service.</summary>
[Collection(PluginNodeGroup.Name)]
public sealed class NativeBinaryTests(PluginNode node)
{
    private static string Binary => Path.Combine(RepositoryFiles.Root, "out", "bin", "vpc-cni");

    [RootFact]
    public async Task ThePublishedBinaryAddsAndDeletesAPod()
    {
        Assert.True(File.Exists(Binary), $"{Binary} is missing: run `dotnet pwsh ./build.ps1 -Task Publish` first (build.ps1 -Task Test does).");
        var before = node.NodeState();
        var (netns, pod, container) = node.NewPod("bin");
        var conf = node.Conf();

        var add = await ExecAsync(PluginRunner.Environment("ADD", container, netns, pod), conf.ToJsonString());
        Assert.True(add.ExitCode == 0, add.ToString());
        Assert.Contains(await node.AllocationsAsync(), a => a.ContainerId == container && a.Address.ToString() == add.Address);

        var del = await ExecAsync(PluginRunner.Environment("DEL", container, netns, pod), NetConfJson.WithPrevResult(conf, add.Stdout));
        Assert.True((del.ExitCode, del.Stdout) == (0, string.Empty), del.ToString());
        Assert.DoesNotContain(await node.AllocationsAsync(), a => a.ContainerId == container);
        Assert.Equal(before, node.NodeState(), StateComparer.Instance);
    }

    /// <summary>nsenter(1) puts the plugin in the node namespace, which it then treats as the host, as on a node.</summary>
    private async Task<PluginOutcome> ExecAsync(Dictionary<string, string> environment, string stdin)
    {
        var info = new ProcessStartInfo("nsenter")
        {
            ArgumentList = { "--net=" + node.NodeNamespace, "--", Binary },
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        using var process = Process.Start(info)!;
        await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new PluginOutcome(process.ExitCode, await stdout, await stderr);
    }
}
