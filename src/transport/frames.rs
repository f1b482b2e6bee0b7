//! Finds gRPC messages (a 5-byte prefix, then the declared number of bytes)
//! in a body's data, however the data is split into frames.

#[derive(Debug, Default)]
pub(crate) struct Frames {
    prefix: [u8; 5],
    have: usize,
    remaining: u64,
    oversize: bool,
}

/// What the data held, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Event {
    /// A message's prefix arrived, declaring this many bytes.
    Start(u32),
    /// This many bytes of a message no larger than the limit given to
    /// `feed` (larger ones tonic refuses from their prefix, unbuffered).
    Payload(usize),
    /// A message arrived whole.
    Complete,
}

impl Frames {
    /// Reads `data`, telling `on` what it held.
    pub fn feed(&mut self, mut data: &[u8], max_message: usize, mut on: impl FnMut(Event)) {
        while !data.is_empty() {
            if self.remaining > 0 {
                let n = data
                    .len()
                    .min(usize::try_from(self.remaining).unwrap_or(usize::MAX));
                self.remaining -= n as u64;
                data = &data[n..];
                if !self.oversize {
                    on(Event::Payload(n));
                }
                if self.remaining == 0 {
                    on(Event::Complete);
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
                on(Event::Start(len));
                if len == 0 {
                    on(Event::Complete);
                }
            }
        }
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
            let (mut starts, mut payload, mut complete) = (Vec::new(), 0, 0);
            for piece in data.chunks(chunk) {
                frames.feed(piece, 1_000, |event| match event {
                    Event::Start(len) => starts.push(len),
                    Event::Payload(n) => payload += n,
                    Event::Complete => complete += 1,
                });
            }
            assert_eq!(starts, [3, 0, 300, 2_000], "chunks of {chunk}");
            assert_eq!((payload, complete), (303, 4), "chunks of {chunk}");
            assert!(!frames.partial());
        }
    }

    #[test]
    fn a_message_is_complete_only_when_its_last_byte_arrives() {
        let data = message(10);
        let mut frames = Frames::default();
        let mut events = Vec::new();
        frames.feed(&data[..14], 100, |e| events.push(e));
        assert_eq!(events, [Event::Start(10), Event::Payload(9)]);
        assert!(frames.partial());
        events.clear();
        frames.feed(&data[14..], 100, |e| events.push(e));
        assert_eq!(events, [Event::Payload(1), Event::Complete]);
        assert!(!frames.partial());
    }
}
