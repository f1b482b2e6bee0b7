//! Finds gRPC messages (a 5-byte prefix, then the declared number of bytes)
//! in a body's data, however the data is split into frames.

#[derive(Debug, Default)]
pub(crate) struct Frames {
    prefix: [u8; 5],
    have: usize,
    remaining: u64,
    oversize: bool,
}

/// What one piece of data held.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Fed {
    /// Message bytes (prefixes not included) of messages no larger than
    /// the limit given to `feed`: what will be buffered and decoded.
    pub payload: usize,
    /// Messages whose prefix arrived.
    pub started: u32,
    /// Messages received whole.
    pub completed: u32,
}

impl Frames {
    /// Reads `data`; messages declared over `max_message` bytes are refused
    /// by tonic from their prefix, so their bytes are not counted as payload.
    pub fn feed(&mut self, mut data: &[u8], max_message: usize) -> Fed {
        let mut fed = Fed::default();
        while !data.is_empty() {
            if self.remaining > 0 {
                let n = data
                    .len()
                    .min(usize::try_from(self.remaining).unwrap_or(usize::MAX));
                self.remaining -= n as u64;
                data = &data[n..];
                if !self.oversize {
                    fed.payload += n;
                }
                if self.remaining == 0 {
                    fed.completed += 1;
                }
                continue;
            }
            let n = data.len().min(5 - self.have);
            self.prefix[self.have..self.have + n].copy_from_slice(&data[..n]);
            self.have += n;
            data = &data[n..];
            if self.have == 5 {
                self.have = 0;
                let [_, a, b, c, d] = self.prefix;
                let len = u32::from_be_bytes([a, b, c, d]);
                self.remaining = u64::from(len);
                self.oversize = len as usize > max_message;
                fed.started += 1;
                if len == 0 {
                    fed.completed += 1;
                }
            }
        }
        fed
    }

    /// Whether a message has begun and not yet arrived whole.
    pub fn partial(&self) -> bool {
        self.have > 0 || self.remaining > 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(len: u32) -> Vec<u8> {
        let mut m = vec![0u8];
        m.extend_from_slice(&len.to_be_bytes());
        m.extend(std::iter::repeat_n(7u8, len as usize));
        m
    }

    #[test]
    fn frames_find_every_message_however_the_data_is_split() {
        let mut data = message(3);
        data.extend(message(0));
        data.extend(message(300));
        data.extend(message(2_000));
        for chunk in [1, 2, 4, 5, 6, 7, 64, 1000, 10_000] {
            let mut frames = Frames::default();
            let mut total = Fed::default();
            let mut seen = Vec::new();
            for piece in data.chunks(chunk) {
                let fed = frames.feed(piece, 1_000);
                total.payload += fed.payload;
                total.started += fed.started;
                total.completed += fed.completed;
                seen.push(frames.partial());
            }
            assert_eq!(
                total,
                Fed {
                    payload: 303,
                    started: 4,
                    completed: 4
                },
                "chunks of {chunk}"
            );
            assert!(!frames.partial());
        }
    }

    #[test]
    fn a_message_is_complete_only_when_its_last_byte_arrives() {
        let data = message(10);
        let mut frames = Frames::default();
        let fed = frames.feed(&data[..14], 100);
        assert_eq!((fed.started, fed.completed, fed.payload), (1, 0, 9));
        assert!(frames.partial());
        let fed = frames.feed(&data[14..], 100);
        assert_eq!((fed.started, fed.completed, fed.payload), (0, 1, 1));
        assert!(!frames.partial());
    }
}
