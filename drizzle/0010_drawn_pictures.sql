-- The demo shop's eight shared kind icons are gone: products that used one now show a picture drawn for them alone.
UPDATE "products" SET "image_url" = NULL WHERE "image_url" IN ('/products/mug.svg', '/products/lamp.svg', '/products/bag.svg', '/products/plant.svg', '/products/book.svg', '/products/sock.svg', '/products/chair.svg', '/products/kettle.svg', '/products/placeholder.svg');
