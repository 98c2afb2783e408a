import CZlib

/// The request body's gzip encoding (RFC 1952), by zlib.
enum Gzip {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static func compress(_ input: [UInt8], level: Int32 = Z_DEFAULT_COMPRESSION) throws -> [UInt8] {
        var stream = z_stream()
        guard dt_deflate_init_gzip(&stream, level) == Z_OK else {
            throw Failure(description: "zlib could not start a gzip stream")
        }
        defer { deflateEnd(&stream) }
        // deflateBound is the most a single Z_FINISH call can write, gzip header and trailer included.
        let capacity = Int(deflateBound(&stream, uLong(input.count)))
        var output = [UInt8](repeating: 0, count: capacity)
        let status = input.withUnsafeBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                // zlib's next_in is not const-qualified here, but deflate only reads through it.
                stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
                stream.avail_in = uInt(source.count)
                stream.next_out = target.baseAddress
                stream.avail_out = uInt(target.count)
                return deflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else {
            throw Failure(description: "zlib could not compress the body (status \(status))")
        }
        output.removeLast(Int(stream.avail_out))
        return output
    }
}
