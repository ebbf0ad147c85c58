namespace VpcCni.Engine.Errors;

public static partial class ErrorIds
{
    /// <summary>
    /// Changing a node's env file (<c>NodeSettings/EnvFileEditor</c>; docs/configuration.md, "Changing a node").
    /// A change the service would reject is <see cref="Config.InvalidConfiguration"/>, as the service reports it.
    /// </summary>
    public static class NodeSettings
    {
        /// <summary>The name is not a variable the node understands (ConfigurationVariables).</summary>
        public const string UnknownVariable = "NodeSettings.UnknownVariable";

        /// <summary>The value cannot be written as one env-file line (it holds a line break or a NUL).</summary>
        public const string UnwritableValue = "NodeSettings.UnwritableValue";

        /// <summary>The env file exists but cannot be read.</summary>
        public const string FileNotReadable = "NodeSettings.FileNotReadable";

        /// <summary>The env file, its temporary sibling or its directory cannot be written.</summary>
        public const string FileNotWritable = "NodeSettings.FileNotWritable";

        /// <summary>The node did not report the new values and a steady warm pool in time.</summary>
        public const string NotSettled = "NodeSettings.NotSettled";
    }
}
