namespace VpcCni.Engine.Errors;

public static partial class ErrorIds
{
    /// <summary>Ids raised while reading, restoring or writing the IPAM checkpoint (docs/ipam.md "The checkpoint").</summary>
    public static class Checkpoint
    {
        /// <summary>The file could not be written; the change it carried was undone (or, for a forced removal, kept).</summary>
        public const string WriteFailed = "Checkpoint.WriteFailed";

        /// <summary>The file exists but cannot be read or parsed; it is left untouched.</summary>
        public const string ReadFailed = "Checkpoint.ReadFailed";

        /// <summary>The file carries a format version other than <c>vpc-cni-ipam/1</c>.</summary>
        public const string VersionMismatch = "Checkpoint.VersionMismatch";

        /// <summary>An entry holds an address this datastore would hand out but cannot account for.</summary>
        public const string UnsupportedAllocation = "Checkpoint.UnsupportedAllocation";
    }
}
