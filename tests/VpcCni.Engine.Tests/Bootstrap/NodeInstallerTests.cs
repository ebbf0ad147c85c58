using VpcCni.Engine.Bootstrap;
using VpcCni.Engine.Errors;

namespace VpcCni.Engine.Tests.Bootstrap;

/// <summary>The installer against a temporary root, with stand-in binaries: never the machine's own paths.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class NodeInstallerTests : IDisposable
{
    private readonly TempDirectory _root = new();
    private readonly TempDirectory _source = new();

    public NodeInstallerTests()
    {
        File.WriteAllText(_source.File("vpc-cni"), "plugin v1");
        File.WriteAllText(_source.File("vpc-cni-node"), "node v1");
    }

    [Fact]
    public void AFirstInstallCreatesTheBinariesUnitAndEnvFileAndLeavesTheConflistToTheService()
    {
        var applied = Install(new Dictionary<string, string> { ["WARM_IP_TARGET"] = "5" });

        Assert.Equal(
            [(NodeInstallPaths.Plugin, NodeFileAction.Created), (NodeInstallPaths.Node, NodeFileAction.Created), (NodeInstallPaths.Unit, NodeFileAction.Created),
             (NodeInstallPaths.EnvFile, NodeFileAction.Created), (NodeInstallPaths.CniConfig, NodeFileAction.Deferred)],
            applied.Select(c => (c.NodePath, c.Action)));
        Assert.Equal("plugin v1", File.ReadAllText(Under(NodeInstallPaths.Plugin)));
        Assert.Equal(NodeInstaller.UnitFile(), File.ReadAllBytes(Under(NodeInstallPaths.Unit)));
        Assert.Contains("WARM_IP_TARGET=\"5\"", File.ReadAllText(Under(NodeInstallPaths.EnvFile)), StringComparison.Ordinal);
        Assert.False(File.Exists(Under(NodeInstallPaths.CniConfig)));
        Assert.Equal(UnixFileMode.UserExecute, File.GetUnixFileMode(Under(NodeInstallPaths.Node)) & UnixFileMode.UserExecute);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Under(NodeInstallPaths.EnvFile)));
    }

    [Fact]
    public void ASecondRunChangesNothingAndSaysSo()
    {
        Install(new Dictionary<string, string> { ["WARM_IP_TARGET"] = "5" });
        var before = Snapshot();

        var second = NodeInstaller.PlanInstall(Request(new Dictionary<string, string> { ["WARM_IP_TARGET"] = "5" }));

        Assert.DoesNotContain(second, c => c.IsChange);
        Assert.All(second.Where(c => c.NodePath != NodeInstallPaths.CniConfig), c => Assert.Equal(NodeFileAction.Unchanged, c.Action));
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public void AReRunKeepsTheAdminsValuesAndCommentsAndOverridesOnlyTheGivenOnes()
    {
        Install(new Dictionary<string, string> { ["WARM_IP_TARGET"] = "5" });
        File.AppendAllText(Under(NodeInstallPaths.EnvFile), "# mine\nCLUSTER_NAME=prod\n");

        var applied = Install(new Dictionary<string, string> { ["WARM_IP_TARGET"] = "8", ["MINIMUM_IP_TARGET"] = "3" });

        Assert.Equal(NodeFileAction.Updated, applied.Single(c => c.NodePath == NodeInstallPaths.EnvFile).Action);
        var env = NodeEnvFile.Read(File.ReadAllText(Under(NodeInstallPaths.EnvFile)));
        Assert.Equal(("8", "3", "prod"), (env["WARM_IP_TARGET"], env["MINIMUM_IP_TARGET"], env["CLUSTER_NAME"]));
        Assert.Contains("# mine", File.ReadAllText(Under(NodeInstallPaths.EnvFile)), StringComparison.Ordinal);
    }

    [Fact]
    public void ANewBinaryIsAnUpdate()
    {
        Install(new Dictionary<string, string>());
        File.WriteAllText(_source.File("vpc-cni"), "plugin v2");
        var plan = NodeInstaller.PlanInstall(Request(new Dictionary<string, string>()));
        Assert.Equal(NodeFileAction.Updated, plan.Single(c => c.NodePath == NodeInstallPaths.Plugin).Action);
        Assert.Equal(NodeFileAction.Unchanged, plan.Single(c => c.NodePath == NodeInstallPaths.Node).Action);
    }

    [Fact]
    public void PlanningAloneWritesNothing()
    {
        var plan = NodeInstaller.PlanInstall(Request(new Dictionary<string, string> { ["WARM_IP_TARGET"] = "5" }));
        Assert.Contains(plan, c => c.Action == NodeFileAction.Created);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_root.Path));
    }

    [Fact]
    public void UninstallLeavesNothingOfOursAndKeepsForeignFiles()
    {
        Install(new Dictionary<string, string>());
        Directory.CreateDirectory(Path.GetDirectoryName(Under(NodeInstallPaths.CniConfig))!);
        File.WriteAllText(Under(NodeInstallPaths.CniConfig), "{\"name\":\"aws-cni\",\"plugins\":[{\"type\":\"vpc-cni\"}]}");
        File.WriteAllText(Under("/opt/cni/bin/portmap"), "foreign");
        File.WriteAllText(Under("/etc/cni/net.d/20-other.conflist"), "{}");

        foreach (var change in NodeInstaller.PlanUninstall(new NodeInstallRequest { Root = _root.Path }))
        {
            NodeInstaller.Apply(change);
        }

        Assert.Equal(
            new[] { "etc/cni/net.d/20-other.conflist", "opt/cni/bin/portmap" },
            Directory.EnumerateFiles(_root.Path, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(_root.Path, f)).Order());
        Assert.False(Directory.Exists(Under(NodeInstallPaths.EnvDirectory)));
        Assert.All(NodeInstaller.PlanUninstall(new NodeInstallRequest { Root = _root.Path }), c => Assert.Equal(NodeFileAction.Absent, c.Action));
    }

    [Fact]
    public void AConflistOfAnotherPluginIsKeptOnUninstall()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Under(NodeInstallPaths.CniConfig))!);
        File.WriteAllText(Under(NodeInstallPaths.CniConfig), "{\"name\":\"aws-cni\",\"plugins\":[{\"type\":\"aws-cni\"}]}");
        var change = NodeInstaller.PlanUninstall(new NodeInstallRequest { Root = _root.Path }).Single(c => c.NodePath == NodeInstallPaths.CniConfig);
        Assert.Equal(NodeFileAction.Kept, change.Action);
    }

    [Theory]
    [InlineData("relative/root", ErrorIds.Bootstrap.InvalidRoot)]
    [InlineData("/definitely/not/here", ErrorIds.Bootstrap.InvalidRoot)]
    public void ABadRootIsRefused(string root, string errorId) =>
        Assert.Equal(errorId, Assert.Throws<VpcCniException>(() => NodeInstaller.PlanInstall(new NodeInstallRequest { Root = root, SourceDirectory = _source.Path })).ErrorId);

    [Fact]
    public void AMissingBinaryOrABadVariableNameIsRefusedBeforeAnythingIsWritten()
    {
        File.Delete(_source.File("vpc-cni-node"));
        Assert.Equal(ErrorIds.Bootstrap.SourceMissing, Assert.Throws<VpcCniException>(() => NodeInstaller.PlanInstall(Request(new Dictionary<string, string>()))).ErrorId);
        File.WriteAllText(_source.File("vpc-cni-node"), "node");
        Assert.Equal(ErrorIds.Bootstrap.InvalidVariable,
            Assert.Throws<VpcCniException>(() => NodeInstaller.PlanInstall(Request(new Dictionary<string, string> { ["1BAD"] = "x" }))).ErrorId);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_root.Path));
    }

    [Theory]
    [InlineData("", 29)]
    [InlineData("ENABLE_PREFIX_DELEGATION=true\n", 110)]
    public void MaxPodsFollowsTheEnvFilesPrefixDelegationSetting(string env, int maxPods) =>
        Assert.Equal(maxPods, NodeMaxPods.Calculate(env, "m5.large").MaxPods);

    public void Dispose()
    {
        _root.Dispose();
        _source.Dispose();
    }

    private NodeInstallRequest Request(IReadOnlyDictionary<string, string> variables) =>
        new() { Root = _root.Path, SourceDirectory = _source.Path, Variables = variables };

    private IReadOnlyList<NodeFileChange> Install(IReadOnlyDictionary<string, string> variables)
    {
        var plan = NodeInstaller.PlanInstall(Request(variables));
        foreach (var change in plan)
        {
            NodeInstaller.Apply(change);
        }

        return plan;
    }

    private string Under(string nodePath) => NodeInstallPaths.Under(_root.Path, nodePath);

    private Dictionary<string, (string, DateTime)> Snapshot() =>
        Directory.EnumerateFiles(_root.Path, "*", SearchOption.AllDirectories).ToDictionary(f => f, f => (File.ReadAllText(f), File.GetLastWriteTimeUtc(f)));
}
